"""Earlier forms of replaced algorithms, kept so that tests can check the new ones give identical results."""
