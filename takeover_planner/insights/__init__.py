"""Learning from takeovers: story insights collected inside Instagram's 24-hour window, the follower time
series, follower goals, and the takeover report (see docs/insights.md)."""
