"""What `add` will read from a hostile folder: regular files only, read within bounds and
within a time limit, by workers that hold no passphrase."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from moksori.errors import FileTooLarge, IngestError
from moksori.ingest import batch
from moksori.ingest.batch import collect_files, file_sha256, ingest_many
from moksori.ingest.limits import Limits
from moksori.ingest.model import IngestedFile
from moksori.ingest.regular import NotRegularFile, read_regular
from moksori.korean import kiwi
from tests.ingest.conftest import EN, KO, hostile_folder


def _hostile_folder(tmp_path: Path) -> Path:
    d = hostile_folder(tmp_path)
    (d / "again.txt").symlink_to(d / "ko.txt")
    (d / "elsewhere").symlink_to(tmp_path / "outside", target_is_directory=True)
    return d


def _reasons(errors: list[IngestError]) -> dict[str, str]:
    return {e.source: e.reason for e in errors}


def test_only_regular_files_are_collected(tmp_path: Path) -> None:
    d = _hostile_folder(tmp_path)
    jobs, errors = collect_files([d])
    assert [j.name for j in jobs] == ["interviews/en.txt", "interviews/ko.txt"]
    reasons = _reasons(errors)
    assert reasons["interviews/pipe.txt"] == "not a regular file (a pipe); skipped"
    for link in ("zero.txt", "passwd.txt", "escape.txt", "again.txt"):
        assert "symbolic link, not followed" in reasons[f"interviews/{link}"]
    assert "link to a folder" in reasons["interviews/elsewhere"]
    assert all(isinstance(e, NotRegularFile) for e in errors)


def test_following_links_reads_files_but_never_devices(tmp_path: Path) -> None:
    d = _hostile_folder(tmp_path)
    jobs, errors = collect_files([d], follow_symlinks=True)
    by_name = {j.name: j for j in jobs}
    assert sorted(by_name) == [
        "interviews/again.txt",
        "interviews/en.txt",
        "interviews/escape.txt",
        "interviews/ko.txt",
        "interviews/passwd.txt",
    ]
    # a followed link becomes its real target, so it can be opened with O_NOFOLLOW
    assert by_name["interviews/again.txt"].path == (d / "ko.txt").resolve()
    assert not by_name["interviews/again.txt"].path.is_symlink()
    reasons = _reasons(errors)
    assert reasons["interviews/zero.txt"] == "a link to a device or system file; skipped"
    assert "pipe" in reasons["interviews/pipe.txt"]


def test_files_named_directly_are_checked_too(tmp_path: Path) -> None:
    d = _hostile_folder(tmp_path)
    named = [d / "pipe.txt", d / "zero.txt", Path("/dev/zero"), d / "ko.txt"]
    jobs, errors = collect_files(named)
    assert [j.name for j in jobs] == ["ko.txt"]
    reasons = _reasons(errors)
    assert reasons[str(d / "pipe.txt")] == "not a regular file (a pipe); skipped"
    assert reasons["/dev/zero"] == "not a regular file (a device); skipped"
    assert "not followed" in reasons[str(d / "zero.txt")]
    _, errors = collect_files([d / "zero.txt", Path("/proc/self/environ")], follow_symlinks=True)
    assert len(errors) == 2


def test_a_file_swapped_for_a_pipe_or_device_after_listing_is_refused(tmp_path: Path) -> None:
    d = tmp_path / "swap"
    d.mkdir()
    (d / "a.txt").write_text(KO, encoding="utf-8")
    (d / "b.txt").write_text(EN, encoding="utf-8")
    (d / "c.txt").write_text(EN + KO, encoding="utf-8")
    jobs, errors = collect_files([d])
    assert len(jobs) == 3 and not errors
    (d / "a.txt").unlink()
    os.mkfifo(d / "a.txt")  # would block a plain open() forever
    (d / "b.txt").unlink()
    (d / "b.txt").symlink_to("/dev/zero")  # would never end
    with pytest.raises(OSError):
        file_sha256(d / "a.txt")
    with pytest.raises(OSError):
        file_sha256(d / "b.txt")
    outcomes = [out for _, out in ingest_many(jobs, workers=1)]
    assert isinstance(outcomes[0], NotRegularFile) and "pipe" in outcomes[0].reason
    assert isinstance(outcomes[1], NotRegularFile) and "link" in outcomes[1].reason
    assert isinstance(outcomes[2], IngestedFile)


def test_reads_stop_one_byte_past_the_limit(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text(KO * 100, encoding="utf-8")
    size = f.stat().st_size
    assert read_regular(f, "big.txt", size) == f.read_bytes()
    with pytest.raises(FileTooLarge):
        read_regular(f, "big.txt", size - 1)
    (out,) = [o for _, o in ingest_many(collect_files([f])[0], Limits(max_file_bytes=100))]
    assert isinstance(out, FileTooLarge)


def test_a_file_over_its_time_limit_is_skipped_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = tmp_path / "slow"
    d.mkdir()
    (d / "1-short.txt").write_text(KO, encoding="utf-8")
    # ~1.5 MB of Korean: many seconds of Kiwi on one core, never within 1 s
    sentences = [
        f"참여자 {i}번: 저는 {1990 + i % 30}년에 혜산에서 태어났어요. " for i in range(400)
    ]
    (d / "2-long.txt").write_text("".join(sentences) * 40, encoding="utf-8")
    (d / "3-short.txt").write_text(EN, encoding="utf-8")
    (d / "4-short.txt").write_text(EN + KO, encoding="utf-8")
    monkeypatch.setattr(batch, "time_limit", lambda size, timeout: 1.0 if size > 1e6 else 300.0)
    jobs, _ = collect_files([d])
    results = list(ingest_many(jobs, workers=2, timeout=5.0))
    assert [j.name for j, _ in results] == [j.name for j in jobs]
    outcomes = [o for _, o in results]
    assert isinstance(outcomes[1], IngestError)
    assert outcomes[1].reason == "took longer than 1 s to read; skipped"
    for i in (0, 2, 3):  # read by the replaced worker or kept from before the kill
        assert isinstance(outcomes[i], IngestedFile), outcomes[i]


def test_time_limit_grows_with_the_file() -> None:
    assert batch.time_limit(0, 300.0) == 300.0
    assert batch.time_limit(200 * batch.MB, 300.0) == 300.0 + 200 * batch.SECONDS_PER_MB


def _environ_of(pid: int) -> bytes:
    return Path(f"/proc/{pid}/environ").read_bytes()


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs Linux /proc")
def test_pool_processes_never_hold_the_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOKSORI_PASSPHRASE", "fictional passphrase 목소리")
    monkeypatch.setenv("MOKSORI_VAULT_PASSPHRASE", "fictional vault passphrase")
    with ProcessPoolExecutor(
        2, mp_context=kiwi.pool_context(), initializer=kiwi.init_worker_process
    ) as pool:
        worker_env = pool.submit(Path("/proc/self/environ").read_bytes).result(timeout=120)
        server = pool.submit(os.getppid).result(timeout=120)
        server_env = _environ_of(server)
    assert os.environ["MOKSORI_PASSPHRASE"] == "fictional passphrase 목소리"  # ours is kept
    assert server != os.getpid()
    for env in (worker_env, server_env):
        assert b"MOKSORI_PASSPHRASE" not in env
        assert b"MOKSORI_VAULT_PASSPHRASE" not in env
        assert b"fictional" not in env


def test_folders_of_the_system_are_never_walked(tmp_path: Path) -> None:
    d = _hostile_folder(tmp_path)
    (tmp_path / "linked").symlink_to(d, target_is_directory=True)
    (tmp_path / "sys").symlink_to("/sys", target_is_directory=True)
    inputs = [tmp_path / "linked", tmp_path / "sys", Path("/proc/self/fd"), Path("/dev")]
    jobs, errors = collect_files(inputs)
    assert not jobs
    assert len(errors) == 4  # one line each, the links not followed
    jobs, errors = collect_files(inputs, follow_symlinks=True)
    assert {j.name for j in jobs} >= {"linked/ko.txt", "linked/en.txt"}
    reasons = _reasons(errors)
    for system in (str(tmp_path / "sys"), "/proc/self/fd", "/dev"):
        assert reasons[system] == "a system folder (/dev, /proc, /sys); skipped"
