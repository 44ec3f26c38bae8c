"""A file replaced whole (ground/files.py): nginx's try-again pages, this host's copy of the
clinic's details."""

import pytest

from ground import files


def test_a_reader_of_the_old_file_reads_it_whole_and_the_next_reads_the_new(tmp_path):
    path = tmp_path / "page.html"
    files.replace_whole(path, "old")
    reading = path.open()

    files.replace_whole(path, "new")

    assert reading.read() == "old"
    assert path.read_text() == "new"
    assert path.stat().st_mode & 0o777 == 0o644
    assert [found.name for found in tmp_path.iterdir()] == ["page.html"]
    reading.close()


def test_a_file_that_cant_be_put_in_place_leaves_the_old_one_and_no_stray_file(
    tmp_path, monkeypatch
):
    path = tmp_path / "page.html"
    files.replace_whole(path, "old")

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", full_disk)
    with pytest.raises(OSError):
        files.replace_whole(path, "new")

    assert path.read_text() == "old"
    assert [found.name for found in tmp_path.iterdir()] == ["page.html"]
