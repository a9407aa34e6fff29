# holes tests
