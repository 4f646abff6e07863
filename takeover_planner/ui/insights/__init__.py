"""The insights window: followers against the team's goal, takeover reports with charts, the comparison across
departments and campaigns, and the background collector that reads insights inside Instagram's 24 hours."""
