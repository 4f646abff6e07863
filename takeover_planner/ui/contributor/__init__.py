"""The contributor window (`takeover-planner gui --contributor BRIEF`): build a submission from a brief."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from takeover_planner.ui.contributor.contributor_window import ContributorWindow

if TYPE_CHECKING:
    from takeover_planner.paths import AppPaths
    from takeover_planner.services.contributor_drafts import ContributorDrafts
    from takeover_planner.ui.i18n import Translations
    from takeover_planner.ui.tasks import TaskRunner

__all__ = ["ContributorWindow", "open_contributor_window", "run_contributor"]


def contributor_drafts(paths: AppPaths) -> ContributorDrafts:
    """Where the contributor's drafts and name are kept: the app's data folder."""
    from takeover_planner.services.contributor_drafts import ContributorDrafts

    return ContributorDrafts(paths.data_dir / "contributor")


def open_contributor_window(path: str | Path | None, *, runner: TaskRunner | None = None,
                            translations: Translations | None = None,
                            home: str | None = None, user: str | None = None) -> ContributorWindow:
    """Build and show the contributor window, with the brief at ``path`` opened (when given)."""
    from takeover_planner.paths import resolve_paths
    from takeover_planner.services.context import default_actor
    from takeover_planner.services.text_frames_setting import text_frames_by_hand
    from takeover_planner.settings import Settings
    from takeover_planner.ui.tasks import TaskRunner

    paths = resolve_paths(home).ensure()
    drafts = contributor_drafts(paths)
    settings = Settings.load(paths)
    name = user or drafts.me().name or default_actor(settings)
    window = ContributorWindow(runner or TaskRunner(), translations, work_dir=paths.cache_dir, user_name=name,
                               drafts=drafts, text_by_hand=text_frames_by_hand(settings))
    if path is not None:
        window.open_brief(Path(path))
    window.show()
    return window


def run_contributor(path: str | Path | None, *, home: str | None = None, user: str | None = None) -> int:
    """The whole contributor app: Qt application, language, window, event loop."""
    from takeover_planner.logging_setup import configure_logging
    from takeover_planner.paths import resolve_paths
    from takeover_planner.settings import Settings
    from takeover_planner.ui.app import application
    from takeover_planner.ui.i18n import Translations, resolve_language
    from takeover_planner.ui.tasks import TaskRunner

    paths = resolve_paths(home).ensure()
    configure_logging(paths)
    app = application()
    translations = Translations(app)
    # The language the contributor chose last time, else the app's setting, else the system's.
    remembered = contributor_drafts(paths).me().language
    translations.apply(resolve_language(remembered or Settings.load(paths).get("ui.language")))
    runner = TaskRunner()
    window = open_contributor_window(path, runner=runner, translations=translations, home=home, user=user)
    try:
        return int(app.exec())
    finally:
        runner.shutdown()
        window.deleteLater()
