# brokerage tests
