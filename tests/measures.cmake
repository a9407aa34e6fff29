# measures tests
