"""Reading and writing files so that nothing hangs, nothing is half-written and nothing is clobbered.

Reading: only regular files, never more than a stated size (a FIFO, /dev/zero
or a 2 GB file given by mistake must not hang or eat memory).

Writing: every batch is published all-or-nothing. `publish_all` checks every
target first (folder, permission, name length, existing file, free space),
writes each file to a short temp name beside its target, then publishes with
a no-clobber link (or O_EXCL) unless --force; a failure or SIGTERM part-way
rolls back what the batch already published and removes its temp files. New
files follow the umask (not mkstemp's 0600). Temp files left by a killed run
(kill -9) are removed by the next run that writes into the same folder.
"""
from __future__ import annotations

import errno
import os
import re
import signal
import stat
import threading
from contextlib import contextmanager
from pathlib import Path

from .errors import DrafterError, InputError, OutputExistsError, UsageError

MB = 1024 * 1024

# --- messages ---------------------------------------------------------------

_ERRNO_ZH = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限（操作不被允许）",
    errno.EROFS: "所在磁盘是只读的",
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "磁盘配额已用完",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EISDIR: "这是文件夹，不是文件",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EEXIST: "文件已存在",
    errno.EIO: "磁盘读写错误",
    errno.EMFILE: "打开的文件太多",
    errno.ENFILE: "打开的文件太多",
    errno.ELOOP: "符号链接层数太多（可能循环链接）",
    errno.EXDEV: "不能跨磁盘移动文件",
    errno.EBUSY: "文件正被占用",
    errno.ETXTBSY: "文件正被占用",
    errno.EFBIG: "文件太大",
}


def os_message(exc: OSError, path: Path | str | None = None, action: str = "") -> str:
    """An OSError as one Chinese line naming the path: `PATH: 无法写入（磁盘空间不足）`."""
    where = path if path is not None else (exc.filename or "")
    why = _ERRNO_ZH.get(exc.errno or 0) or (exc.strerror or type(exc).__name__)
    head = f"{where}: " if where else ""
    return f"{head}{action}（{why}）" if action else f"{head}{why}"


def os_error(exc: OSError, path: Path | str | None = None, action: str = "") -> DrafterError:
    """The DrafterError to raise for an OSError (exit 1, message naming the path)."""
    return InputError(os_message(exc, path, action))


class WriteError(InputError, OSError):
    """An OS failure while writing, in Chinese naming the path (still an OSError for callers that catch those)."""

    def __init__(self, message: str):
        InputError.__init__(self, message)

    def __str__(self) -> str:
        return self.message


# --- reading ----------------------------------------------------------------

def read_regular(path: Path | str, limit: int, what: str = "文件") -> bytes:
    """The bytes of a regular file of at most `limit` bytes; InputError (Chinese, naming the path) otherwise.

    Opened non-blocking so that a FIFO cannot hang the open; the type and the
    size are checked on the open descriptor (no check-then-open race), and at
    most limit+1 bytes are ever read (a file that grows while read is refused).
    """
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise _read_error(path, "文件不存在")
    except IsADirectoryError:
        raise _read_error(path, f"这是文件夹，不是{what}")
    except OSError as exc:
        raise _read_error(path, os_message(exc, None, "无法读取"))
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise _read_error(path, f"这是文件夹，不是{what}")
        if not stat.S_ISREG(st.st_mode):
            kind = ("命名管道（FIFO）" if stat.S_ISFIFO(st.st_mode) else "设备文件" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
                    else "套接字" if stat.S_ISSOCK(st.st_mode) else "特殊文件")
            raise _read_error(path, f"这是{kind}，不是普通文件，不能作为{what}读取")
        if st.st_size > limit:
            raise _read_error(path, f"{what}太大（{_size(st.st_size)}，上限 {_size(limit)}）")
        chunks, total = [], 0
        while True:
            try:
                chunk = os.read(fd, min(4 * MB, limit + 1 - total))
            except BlockingIOError:  # pragma: no cover - regular files never block
                continue
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise _read_error(path, f"{what}太大（读取中超过上限 {_size(limit)}）")
        return b"".join(chunks)
    except OSError as exc:
        raise _read_error(path, os_message(exc, None, "无法读取"))
    finally:
        os.close(fd)


def _read_error(path: Path, message: str) -> InputError:
    from .errors import Location, Problem

    problem = Problem(Location(str(path)), message)
    return InputError(str(problem), [problem])


def is_regular_file(path: Path | str) -> bool:
    """True for a regular file (following symlinks); never opens it."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _size(n: int) -> str:
    return f"{n / MB:.1f} MB" if n >= MB else f"{n} 字节"


# --- writing ----------------------------------------------------------------

TMP_PREFIX = ".drafter-"
_TMP_RE = re.compile(r"^\.drafter-(\d+)-[0-9a-f]{6}\.(?:tmp|bak)$")
_OLD_TMP_RE = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")  # mkstemp names of earlier versions


def _umask() -> int:
    """The process umask (read without changing it where /proc allows, else set-and-restore under a lock)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    with _LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
        return mask


_LOCK = threading.Lock()


def _tmp_name(folder: Path, kind: str = "tmp") -> Path:
    """A short temp name (≤ 24 bytes: never longer than it needs, whatever the target's name)."""
    return folder / f"{TMP_PREFIX}{os.getpid()}-{os.urandom(3).hex()}.{kind}"


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_stale_temps(folder: Path, names: tuple[str, ...] = ()) -> list[Path]:
    """Remove temp files a killed run left in `folder` (its pid is gone); return what was removed.

    Also removes the mkstemp names of earlier versions (`.<target>.XXXXXXXX.tmp`)
    for the targets about to be written, once they are older than ten minutes.
    """
    import time

    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        m = _TMP_RE.match(entry.name)
        stale = False
        if m and not _pid_alive(int(m.group(1))):
            stale = True
        elif _OLD_TMP_RE.match(entry.name) and any(entry.name.startswith(f".{n}.") for n in names):
            try:
                stale = now - entry.stat(follow_symlinks=False).st_mtime > 600
            except OSError:
                stale = False
        if stale:
            try:
                if entry.is_file(follow_symlinks=False):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
            except OSError:
                pass
    return removed


_SWEPT: set[str] = set()


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        return 255


def _preflight(jobs: list[tuple[Path, bytes]], force: bool) -> None:
    """Every reason a batch could fail, checked before the first byte is written."""
    seen: dict[Path, Path] = {}
    need: dict[int, tuple[Path, int]] = {}
    problems: list[str] = []
    for target, data in jobs:
        target = Path(target)
        parent = target.parent if str(target.parent) else Path(".")
        if not parent.is_dir():
            raise UsageError(f"{target}: 输出文件夹不存在：{parent}（请先创建该文件夹）")
        key = parent.resolve() / target.name
        if key in seen:
            raise UsageError(f"{target}: 同一批次中有两份输出要写到同一个文件")
        seen[key] = target
        if len(os.fsencode(target.name)) > _name_max(parent):
            problems.append(f"{target}: 文件名太长（{len(os.fsencode(target.name))} 字节，此磁盘上限 {_name_max(parent)} 字节），请缩短")
            continue
        if not os.access(parent, os.W_OK | os.X_OK):
            problems.append(f"{target}: 无法写入（没有输出文件夹 {parent} 的写入权限）")
            continue
        if target.is_symlink() or target.exists():
            if target.is_dir():
                problems.append(f"{target}: 同名文件夹已存在，无法写成文件")
                continue
            if not force:
                raise OutputExistsError(f"{target}: 文件已存在，未覆盖；如需覆盖请加 --force")
        try:
            st = os.statvfs(parent)
        except OSError:
            continue
        dev = os.stat(parent).st_dev
        free = st.f_bavail * st.f_frsize
        have = need.get(dev, (parent, free))
        need[dev] = (parent, have[1] - len(data) - 64 * 1024)
        if need[dev][1] < 0:
            problems.append(f"{target}: 磁盘空间不足（{parent} 所在磁盘剩余 {_size(free)}，本批次需要更多）")
    if problems:
        raise _LinesError(problems)


class _LinesError(InputError):
    """Several preflight problems, one per line."""

    def __init__(self, lines: list[str]):
        super().__init__(lines[0])
        self._lines = list(lines) + ["未写出任何文件"]

    def lines(self) -> list[str]:
        return self._lines


class _Terminated(BaseException):
    """SIGTERM arrived while a batch was being published."""


@contextmanager
def _sigterm_cleans_up():
    """While publishing, SIGTERM unwinds (so temp files are removed and the batch rolled back), then exits 143."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, frame):
        raise _Terminated()

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except (ValueError, OSError):  # pragma: no cover - not the main interpreter
        yield
        return
    try:
        yield
    except _Terminated:
        raise SystemExit(143)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _write_temp(folder: Path, data: bytes, mode: int, created: list[Path] | None = None) -> Path:
    """Data in a fresh temp file beside the target; its name is recorded in `created` before it exists (SIGTERM-safe)."""
    tmp = _tmp_name(folder)
    if created is not None:
        created.append(tmp)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
    except BaseException:
        _unlink_quiet(tmp)
        raise
    return tmp


def _unlink_quiet(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _publish_new(tmp: Path, target: Path) -> None:
    """No-clobber publish: hard link (atomic, fails if the target appeared), else O_EXCL reserve + rename."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise OutputExistsError(f"{target}: 文件已存在（可能是同时运行的另一次生成写出的），未覆盖；如需覆盖请加 --force")
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK, errno.EXDEV, errno.ENOSYS):
            raise
        try:  # a file system without hard links: reserve the name exclusively, then rename over our own reservation
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            raise OutputExistsError(f"{target}: 文件已存在（可能是同时运行的另一次生成写出的），未覆盖；如需覆盖请加 --force")
        os.replace(tmp, target)
        return
    os.unlink(tmp)


def publish_all(jobs: list[tuple[Path, bytes]], force: bool = False, mode: int | None = None) -> list[Path]:
    """Write every (target, bytes) or none of them; returns the targets written.

    Raises OutputExistsError (exit 1) for an existing target without force,
    UsageError for a missing folder, InputError with a Chinese message naming
    the path for every OS failure (permission, name too long, disk full).
    `mode` defaults to 0666 less the umask, as any program creating a file.
    """
    jobs = [(Path(t), bytes(d)) for t, d in jobs]
    if not jobs:
        return []
    _preflight(jobs, force)
    mode = (0o666 & ~_umask()) if mode is None else mode
    for folder in {t.parent for t, _ in jobs}:
        key = os.path.abspath(folder if str(folder) else ".")
        if key not in _SWEPT:  # once per folder and process: a run writing thousands of files scans the folder once
            _SWEPT.add(key)
            sweep_stale_temps(folder if str(folder) else Path("."), tuple(t.name for t, _ in jobs if t.parent == folder))
    temps: list[Path] = []
    published: list[tuple[Path, Path | None]] = []  # (target, backup of what it replaced)
    current = jobs[0][0]
    with _sigterm_cleans_up():
        try:
            for target, data in jobs:
                current = target
                _write_temp(target.parent if str(target.parent) else Path("."), data, mode, temps)
            for (target, _), tmp in zip(jobs, temps):
                current = target
                if force and (target.exists() or target.is_symlink()):
                    backup = _tmp_name(target.parent if str(target.parent) else Path("."), "bak")
                    linked = _keep_backup(target, backup)
                    try:
                        os.replace(tmp, target)
                    except BaseException:
                        # the target is untouched when the backup is a second link; put it back when it was moved
                        _unlink_quiet(backup) if linked else _restore(backup, target)
                        raise
                    published.append((target, backup))
                else:
                    _publish_new(tmp, target)
                    published.append((target, None))
        except BaseException as exc:
            _rollback(published)
            for tmp in temps:
                _unlink_quiet(tmp)
            if isinstance(exc, OSError) and not isinstance(exc, DrafterError):
                raise WriteError(os_message(exc, current, "无法写入；本批次已写出的文件均已撤回")) from None
            raise
        for _, backup in published:
            if backup is not None:
                _unlink_quiet(backup)
    return [t for t, _ in jobs]


def _keep_backup(target: Path, backup: Path) -> bool:
    """A second name for what --force replaces, so a failed batch can put it back; True when it is a hard link."""
    try:
        if target.is_symlink():
            raise OSError(errno.EPERM, "symlink")
        os.link(target, backup)
        return True
    except OSError:
        os.rename(target, backup)
        return False


def _restore(backup: Path, target: Path) -> None:
    try:
        os.rename(backup, target)
    except OSError:
        pass


def _rollback(published: list[tuple[Path, Path | None]]) -> None:
    for target, backup in reversed(published):
        try:
            if backup is None:
                os.unlink(target)
            else:
                os.replace(backup, target)
        except OSError:
            pass


def check_writable(path: Path, force: bool) -> None:
    """Refuse before doing any work: missing folder (usage), existing file without --force, no permission."""
    _preflight([(Path(path), b"")], force)


def write_atomic(path: Path, data: bytes, force: bool = False) -> None:
    """One file, all or nothing, no clobber without force (see publish_all)."""
    publish_all([(Path(path), data)], force)


def write_text_atomic(path: Path, text: str, force: bool = False) -> None:
    write_atomic(path, text.encode("utf-8"), force)


def rewrite_in_place(path: Path, data: bytes) -> Path:
    """Replace an existing file's content, respecting the file: returns the real file written.

    Follows a symlink to the real file (the link stays a link), keeps the
    file's permission bits, and refuses a file the user may not write (a
    read-only sheet is refused even for root, who could otherwise replace it).
    """
    path = Path(path)
    real = Path(os.path.realpath(path))
    try:
        st = os.stat(real)
    except OSError as exc:
        raise os_error(exc, path, "无法读取")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{path}: 不是普通文件，不能改写")
    if not os.access(real, os.W_OK) or not st.st_mode & 0o222:
        raise InputError(f"{path}: 文件是只读的，未改写（请先取消只读属性）")
    folder = real.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(f"{path}: 无法改写（没有文件夹 {folder} 的写入权限）")
    with _sigterm_cleans_up():
        created: list[Path] = []
        tmp = None
        try:
            tmp = _write_temp(folder, data, stat.S_IMODE(st.st_mode), created)
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except OSError:
                pass
            os.replace(tmp, real)
        except BaseException as exc:
            for leftover in created:
                _unlink_quiet(leftover)
            if isinstance(exc, OSError) and not isinstance(exc, DrafterError):
                raise WriteError(os_message(exc, path, "无法改写，原文件未改动")) from None
            raise
    return real
