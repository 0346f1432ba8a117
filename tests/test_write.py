from generator.write import Outcome, Ownership, ownership, stamp, unstamp, write_page

PAGE = "---\ntitle: x\n---\n\n# Hello\n"


def test_stamp_round_trips():
    recorded, original = unstamp(stamp(PAGE))
    assert original == PAGE
    assert recorded and len(recorded) == 64


def test_write_then_unchanged(tmp_path):
    path = tmp_path / "a.md"
    assert write_page(path, PAGE) is Outcome.WRITTEN
    mtime = path.stat().st_mtime_ns
    assert write_page(path, PAGE) is Outcome.UNCHANGED
    assert path.stat().st_mtime_ns == mtime
    assert ownership(path) is Ownership.GENERATED


def test_hand_edit_is_kept_unless_forced(tmp_path):
    path = tmp_path / "a.md"
    write_page(path, PAGE)
    edited = path.read_text().replace("Hello", "Hello, corrected by an editor")
    path.write_text(edited)
    assert ownership(path) is Ownership.EDITED
    assert write_page(path, PAGE.replace("Hello", "Hi")) is Outcome.KEPT_EDITED
    assert path.read_text() == edited
    assert write_page(path, PAGE.replace("Hello", "Hi"), force=True) is Outcome.WRITTEN
    assert "Hi" in path.read_text()


def test_a_page_the_user_wrote_is_never_overwritten(tmp_path):
    path = tmp_path / "about.md"
    path.write_text("# About us\n")
    assert write_page(path, PAGE) is Outcome.KEPT_FOREIGN
    assert path.read_text() == "# About us\n"


def test_no_temporary_files_left_behind(tmp_path):
    write_page(tmp_path / "a.md", PAGE)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]
