# communities tests
