"""Maintains the translation files in resources/translations/.

    python -m desktop.kit.i18n_tool update    # lupdate over desktop/**/*.py, then apply the glossary
    python -m desktop.kit.i18n_tool release   # lrelease: .ts -> .qm (the .qm is what the app loads)
    python -m desktop.kit.i18n_tool check     # exit 1 if a message is unfinished or drops a {field}

Chinese translations live in ``zh_CN_glossary.json`` (English source -> Chinese), not only in
the .ts file, so they can be written and reviewed as plain text and survive a string moving
to another class: ``update`` refills every message whose source text is in the glossary. A key
of the form ``"Context|Source"`` overrides the plain ``"Source"`` key for that context only,
for words such as "Open" that translate differently in different places.

Qt's Linguist (``pyside6-linguist``) can still edit the .ts directly for strings that are not
in the glossary; ``update`` keeps those translations.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from pathlib import Path

from desktop.kit.i18n import translations_dir, ts_path

LANGUAGE = "zh_CN"
SOURCE_LANGUAGE = "en"
DESKTOP_DIR = Path(__file__).resolve().parent
REPO_ROOT = DESKTOP_DIR.parent

_FINISHED_SKIP_TYPES = {"obsolete", "vanished"}
# str.format fields ("{max}", "{0}", "{n:,}") and Qt's "%n" / "%1" markers: a translation
# must keep them all.
_PLACEHOLDER = re.compile(r"\{(?:[A-Za-z_]\w*|\d*)(?:![rsa])?(?::[^{}]*)?\}|%n|%L?\d+")


def glossary_path(lang: str = LANGUAGE) -> Path:
    """The hand-maintained source -> translation mapping for ``lang``."""
    return translations_dir() / f"{lang}_glossary.json"


def find_tool(name: str) -> str:
    """Locate ``pyside6-<name>`` (lupdate, lrelease) for the running interpreter.

    The venv's bin/ comes first so the tool matches the PySide6 that the app runs with;
    then PATH; then the binary inside the PySide6 package itself.
    """
    exe = f"pyside6-{name}"
    beside_python = Path(sys.executable).parent / exe
    if beside_python.exists():
        return str(beside_python)
    on_path = shutil.which(exe)
    if on_path:
        return on_path
    import PySide6

    in_package = Path(PySide6.__file__).parent / name
    if in_package.exists():
        return str(in_package)
    raise FileNotFoundError(f"{exe} not found beside {sys.executable}, on PATH or in PySide6")


def source_files(root: Path = DESKTOP_DIR) -> list[Path]:
    """Every Python file under desktop/, in a stable order so the .ts does not churn."""
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def run_lupdate(
    sources: Sequence[Path], ts: Path, lang: str = LANGUAGE, cwd: Path | None = None
) -> None:
    """Extract tr()/translate()/QT_TRANSLATE_NOOP strings into ``ts``, keeping translations.

    Relative ``sources`` are resolved against ``cwd``.
    """
    ts = ts.resolve()
    ts.parent.mkdir(parents=True, exist_ok=True)
    cmd = [
        find_tool("lupdate"),
        "-no-obsolete",
        "-locations",
        "relative",
        "-source-language",
        SOURCE_LANGUAGE,
        "-target-language",
        lang,
        *(str(p) for p in sources),
        "-ts",
        str(ts),
    ]
    subprocess.run(cmd, check=True, cwd=cwd)


def run_lrelease(ts: Path, qm: Path | None = None) -> Path:
    """Compile ``ts`` into a .qm file (by default next to it) and return its path."""
    qm = qm or ts.with_suffix(".qm")
    subprocess.run([find_tool("lrelease"), str(ts), "-qm", str(qm)], check=True)
    return qm


# --- Reading and writing .ts files -------------------------------------------------------


def _messages(root: ET.Element):
    for context in root.iter("context"):
        name = context.findtext("name", default="")
        for message in context.iter("message"):
            yield name, message


def _text(el: ET.Element | None) -> str:
    """Element text with lupdate's ``<byte value="x7"/>`` escapes turned back into characters."""
    if el is None:
        return ""
    parts = [el.text or ""]
    for child in el:
        if child.tag == "byte":
            parts.append(chr(int(child.get("value", "x0")[1:], 16)))
        parts.append(child.tail or "")
    return "".join(parts)


def _is_unfinished(translation: ET.Element | None, numerus: bool) -> bool:
    if translation is None or translation.get("type") == "unfinished":
        return True
    if numerus:
        forms = translation.findall("numerusform")
        return not forms or any(not (f.text or "").strip() for f in forms)
    return not (translation.text or "").strip()


def unfinished_messages(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every live message that is unfinished or has an empty translation."""
    root = ET.parse(ts).getroot()
    found = []
    for context, message in _messages(root):
        translation = message.find("translation")
        if translation is not None and translation.get("type") in _FINISHED_SKIP_TYPES:
            continue
        if _is_unfinished(translation, message.get("numerus") == "yes"):
            found.append((context, _text(message.find("source"))))
    return found


def placeholder_mismatches(ts: Path) -> list[tuple[str, str, str]]:
    """(context, source, translation) where a finished translation lost or added a placeholder.

    A missing ``{max}`` would make ``str.format`` raise or drop the number the user needs.
    """
    root = ET.parse(ts).getroot()
    found = []
    for context, message in _messages(root):
        translation = message.find("translation")
        if translation is None or translation.get("type") is not None:
            continue
        source = _text(message.find("source"))
        wanted = sorted(_PLACEHOLDER.findall(source))
        forms = translation.findall("numerusform") or [translation]
        for form in forms:
            text = _text(form)
            if sorted(_PLACEHOLDER.findall(text)) != wanted:
                found.append((context, source, text))
    return found


def fill_from_dict(ts_path: Path, mapping: Mapping[str, str]) -> int:
    """Set the translation of every message whose source is in ``mapping`` and mark it finished.

    Keys are English source texts, or ``"Context|Source"`` to translate one context only.
    Returns the number of messages changed; the file is rewritten only if that is non-zero,
    in lupdate's own layout so the next lupdate run produces no diff.
    """
    root = ET.parse(ts_path).getroot()
    changed = 0
    for context, message in _messages(root):
        source = _text(message.find("source"))
        value = mapping.get(f"{context}|{source}", mapping.get(source))
        if value is None:
            continue
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if translation.get("type") in _FINISHED_SKIP_TYPES:
            continue
        if message.get("numerus") == "yes":
            forms = translation.findall("numerusform") or [
                ET.SubElement(translation, "numerusform")
            ]
            before = [f.text for f in forms]
            for form in forms:
                form.text = value
            same = before == [value] * len(forms)
        else:
            same = translation.text == value
            translation.text = value
        if same and "type" not in translation.attrib:
            continue
        translation.attrib.pop("type", None)
        changed += 1
    if changed:
        write_ts(root, ts_path)
    return changed


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&apos;")
    )


def _open_tag(el: ET.Element) -> str:
    attrs = "".join(f' {k}="{_escape(v)}"' for k, v in el.attrib.items())
    return f"<{el.tag}{attrs}"


def _inline(el: ET.Element) -> str:
    """Serialize an element whose content is text (possibly with <byte/> escapes)."""
    if not len(el) and not el.text:
        return _open_tag(el) + "/>"
    inner = _escape(el.text or "") + "".join(_inline(c) + _escape(c.tail or "") for c in el)
    return f"{_open_tag(el)}>{inner}</{el.tag}>"


def _block(el: ET.Element, indent: str, out: list[str]) -> None:
    structural = len(el) and not (el.text or "").strip()
    if not structural:
        if not len(el) and not el.text and el.tag != "location":
            out.append(f"{indent}{_open_tag(el)}></{el.tag}>")
        else:
            out.append(indent + _inline(el))
        return
    out.append(_open_tag(el) + ">" if el.tag == "TS" else f"{indent}{_open_tag(el)}>")
    child_indent = "" if el.tag == "TS" else indent + "    "
    for child in el:
        _block(child, child_indent, out)
    out.append(f"{indent}</{el.tag}>")


def write_ts(root: ET.Element, path: Path) -> None:
    """Write ``root`` in the exact layout lupdate uses, so tools take turns without diffs."""
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>"]
    _block(root, "", out)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def load_glossary(path: Path) -> dict[str, str]:
    """Read a glossary; a missing file is an empty glossary."""
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


# --- Commands -----------------------------------------------------------------------------


def update(lang: str = LANGUAGE) -> int:
    """Refresh the .ts from the sources, then apply the glossary; returns messages filled."""
    ts = ts_path(lang)
    sources = [p.relative_to(REPO_ROOT) for p in source_files()]
    run_lupdate(sources, ts, lang, cwd=REPO_ROOT)
    return fill_from_dict(ts, load_glossary(glossary_path(lang)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m desktop.kit.i18n_tool", description=__doc__.splitlines()[0]
    )
    parser.add_argument("command", choices=["update", "release", "check"])
    parser.add_argument("--lang", default=LANGUAGE)
    args = parser.parse_args(argv)
    ts = ts_path(args.lang)

    if args.command == "update":
        filled = update(args.lang)
        print(f"{ts.name}: {filled} message(s) filled from {glossary_path(args.lang).name}")
        return 0
    if args.command == "release":
        print(f"wrote {run_lrelease(ts)}")
        return 0

    missing = unfinished_messages(ts)
    for context, source in missing:
        print(f"unfinished: [{context}] {source!r}")
    mismatched = placeholder_mismatches(ts)
    for context, source, text in mismatched:
        print(f"placeholders differ: [{context}] {source!r} -> {text!r}")
    total = sum(1 for _ in _messages(ET.parse(ts).getroot()))
    print(
        f"{ts.name}: {total} message(s), {len(missing)} unfinished, "
        f"{len(mismatched)} with placeholder mismatches"
    )
    return 1 if missing or mismatched else 0


if __name__ == "__main__":
    sys.exit(main())
