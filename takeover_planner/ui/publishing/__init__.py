"""Publishing in the planner window: the Publish menu, the in-app queue, the publishing status window."""
