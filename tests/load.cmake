# load tests
