"""Research measures over the state system (alliance similarity and the like), kept apart from the cascade engine."""
