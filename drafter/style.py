"""The page and font settings of the Word output: GB/T 9704 defaults, overridable per unit."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import InputError, Problem, Location
from .resources import data_file


@dataclass(frozen=True)
class Style:
    fonts: dict[str, str]
    sizes: dict[str, float]
    bold: dict[str, bool]
    page: dict[str, float]


def _load_yaml(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError(f"{path}: 样式文件不是 UTF-8 编码，请另存为 UTF-8")
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise InputError(f"{path}{line}: 样式文件 YAML 格式有误")
    except OSError as exc:
        raise InputError(f"{path}: 无法读取样式文件（{exc.strerror}）")
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(f"{path}: 样式文件顶层应为键值映射")
    return data


def load_style(path: Path | None = None) -> Style:
    """The default style, with a unit's style file (only the keys it sets) laid over it."""
    base = _load_yaml(data_file("style.yaml"))
    if path is not None:
        override = _load_yaml(Path(path))
        problems = []
        for section, values in override.items():
            if section not in base:
                problems.append(Problem(Location(str(path), field=section), f"未知的样式分组，可选：{'、'.join(base)}"))
                continue
            if not isinstance(values, dict):
                problems.append(Problem(Location(str(path), field=section), "应为键值映射"))
                continue
            for key, value in values.items():
                if key not in base[section]:
                    problems.append(Problem(Location(str(path), field=f"{section}.{key}"), f"未知的样式项，可选：{'、'.join(base[section])}"))
                elif type(value) is not type(base[section][key]) and not (
                    isinstance(value, (int, float)) and isinstance(base[section][key], (int, float)) and not isinstance(value, bool)
                ):
                    problems.append(Problem(Location(str(path), field=f"{section}.{key}"), f"类型不对，应与默认值 {base[section][key]!r} 同类"))
                else:
                    base[section][key] = value
        if problems:
            raise InputError(f"{path}: 样式文件有误", problems)
    return Style(fonts=base["fonts"], sizes=base["sizes"], bold=base["bold"], page=base["page"])
