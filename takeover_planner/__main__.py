from takeover_planner.cli import main

raise SystemExit(main())
