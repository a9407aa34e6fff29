# isolation tests
