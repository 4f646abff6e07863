"""Team mode in the planner window: settings, people, profiles, live updates, the offline banner and outbox."""
