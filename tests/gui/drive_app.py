#!/usr/bin/python3
"""Drives the real Dianjia window through AT-SPI, as a person would with mouse and keyboard.

Usage: drive_app.py APP DB VIEW LANG STEP...  (run under xvfb-run and dbus-run-session)

Steps, done in order; each waits up to 20 s for what it needs to appear:
  press:LABEL[|LABEL...]    press the push button with this label (mnemonics ignored)
  type:NAME=TEXT            put TEXT into the text field whose accessible name is NAME
  row:TEXT                  select the table row with a cell reading TEXT (only that row)
  cell:TEXT                 wait until a table shows a cell reading TEXT
  check:LABEL               tick the check box with this label
  selected:TEXT             the row with a cell reading TEXT is the selected one
  choose:TEXT               select the list entry reading TEXT (a choice dialog)
  enter:TEXT                put TEXT into the text field of the dialog in front
  field:LABEL=TEXT          put TEXT into the field after the label LABEL (no key pressed)
  pick:LABEL=ITEM           choose ITEM in the drop-down list after the label LABEL
  keys:TEXT / key:NAME      type into, or press a key in, whatever has the focus
  scan:TEXT                 type TEXT and Enter into the focused field, as a USB scanner does
  see:TEXT                  wait until some label contains TEXT
  click:TEXT                click the label reading TEXT with the mouse (a clickable figure)
  run:COMMAND               run a shell command while the window is open; it must exit 0
  focus:PATTERN             give the keyboard to the window of the newest process whose command
                            line matches PATTERN (pgrep -f): another process's dialog, e.g. the
                            window's file dialog
  wait:SECONDS
The program is closed at the end; the exit status is 0 when every step was done. With
DJ_STEP_SHOTS set to a folder, the screen after each step is saved there as NN-verb.png.
"""
import os
import re
import shutil
import subprocess
import sys
import time

import pyatspi

TIMEOUT = 20.0


def clean(label):
    return re.sub(r"\(_?\w\)$", "", (label or "").replace("_", "")).strip()


def walk(node, depth=0):
    if node is None or depth > 40:
        return
    yield node
    try:
        count = node.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1)


def showing(node):
    try:
        return node.getState().contains(pyatspi.STATE_SHOWING)
    except Exception:
        return False


def application(name="dianjia"):
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == name:
            return app
    return None


def until(what, find):
    deadline = time.time() + TIMEOUT
    while time.time() < deadline:
        app = application()
        found = find(app) if app is not None else None
        if found is not None:
            return found
        time.sleep(0.2)
    raise SystemExit(f"drive_app: gave up waiting for {what}")


def find_node(app, role, test):
    # The window in front (a dialog) comes last; prefer what it shows.
    hits = [n for n in walk(app) if n.getRoleName() == role and showing(n) and test(n)]
    return hits[-1] if hits else None


def key(name):
    # Real key presses through the X server (XTest), as a keyboard or a USB scanner makes them.
    subprocess.run(["xdotool", "key", "--clearmodifiers", name], check=True)


def press(node):
    # Focus and Space, not the AT-SPI action: a button that opens a modal dialog would not
    # answer the action call until that dialog closes.
    if not node.queryComponent().grabFocus():
        raise SystemExit(f"drive_app: cannot focus the button {node.name}")
    time.sleep(0.2)
    key("space")


def set_text(node, text):
    node.queryEditableText().setTextContents(text)
    node.queryComponent().grabFocus()
    time.sleep(0.2)
    key("End")
    key("Return")


def field_after(app, label, roles=("text", "password text", "spin button")):
    found = find_node(app, "label", lambda n: n.name == label)
    if found is None:
        return None
    siblings = list(found.parent)
    for n in siblings[found.getIndexInParent() + 1:]:
        if n.getRoleName() in roles and showing(n):
            return n
    return None


def step(s):
    verb, _, arg = s.partition(":")
    if verb == "press":
        labels = arg.split("|")
        button = until(f"button {arg}", lambda app: find_node(
            app, "push button", lambda n: clean(n.name) in labels and
            n.getState().contains(pyatspi.STATE_SENSITIVE)))
        press(button)
    elif verb == "type":
        name, _, text = arg.partition("=")
        field = until(f"text field {name}", lambda app: find_node(
            app, "text", lambda n: n.name == name))
        set_text(field, text)
    elif verb == "enter":
        field = until("a text field in the dialog", lambda app: find_node(
            app, "text", lambda n: True))
        set_text(field, arg)
    elif verb in ("row", "choose"):
        cell = until(f"row {arg}", lambda app: find_node(
            app, "table cell", lambda n: n.name == arg))
        table = cell.parent
        table.querySelection().selectChild(cell.getIndexInParent())
        cell.queryComponent().grabFocus()
    elif verb == "cell":
        # A table shows a cell with this text (waits for it, selects nothing).
        until(f"cell {arg}", lambda app: find_node(app, "table cell", lambda n: n.name == arg))
    elif verb == "selected":
        # The row with a cell of this text is the selected one.
        cell = until(f"row {arg}", lambda app: find_node(
            app, "table cell", lambda n: n.name == arg))
        if not (cell.getState().contains(pyatspi.STATE_SELECTED) or
                cell.parent.querySelection().isChildSelected(cell.getIndexInParent())):
            raise SystemExit(f"drive_app: the row {arg} is not selected")
    elif verb == "check":
        # Ticks the check box with this label.
        box = until(f"check box {arg}", lambda app: find_node(
            app, "check box", lambda n: clean(n.name) == arg))
        if not box.getState().contains(pyatspi.STATE_CHECKED):
            press(box)
    elif verb == "field":
        # A dialog's field by the label before it: its text is replaced, no key is pressed.
        label, _, text = arg.partition("=")
        field = until(f"the field after {label}", lambda app: field_after(app, label))
        field.queryEditableText().setTextContents(text)
    elif verb == "pick":
        # A drop-down list (wxChoice) by the label before it; the item by its text.
        label, _, item = arg.partition("=")
        combo = until(f"the list after {label}", lambda app: field_after(app, label, ("combo box",)))
        menu = combo.getChildAtIndex(0)
        names = [menu.getChildAtIndex(i).name for i in range(menu.childCount)]
        if item not in names:
            raise SystemExit(f"drive_app: {label} offers {names}, not {item}")
        combo.querySelection().selectChild(names.index(item))
    elif verb == "keys":
        # Typed into whatever has the focus, without Return (which would press the default
        # button of a dialog).
        subprocess.run(["xdotool", "type", "--delay", "20", arg], check=True)
    elif verb == "key":
        key(arg)
    elif verb == "scan":
        subprocess.run(["xdotool", "type", "--delay", "20", arg], check=True)
        key("Return")
    elif verb == "see":
        until(f"text {arg}", lambda app: find_node(
            app, "label", lambda n: arg in (n.name or "")))
    elif verb == "click":
        label = until(f"label {arg}", lambda app: find_node(
            app, "label", lambda n: n.name == arg and showing(n)))
        box = label.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        subprocess.run(["xdotool", "mousemove", "--sync", str(box.x + box.width // 2),
                        str(box.y + box.height // 2), "click", "1"], check=True)
    elif verb == "wait":
        time.sleep(float(arg))
    elif verb == "focus":
        def window():
            pid = subprocess.run(["pgrep", "-n", "-f", "--", arg], capture_output=True,
                                 text=True).stdout.strip()
            if not pid:
                return None
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", pid],
                                   capture_output=True, text=True).stdout.split()
            return found[-1] if found else None
        deadline = time.time() + TIMEOUT
        while (target := window()) is None:
            if time.time() > deadline:
                raise SystemExit(f"drive_app: no window of a process matching {arg}")
            time.sleep(0.2)
        subprocess.run(["xdotool", "windowfocus", "--sync", target], check=True)
    elif verb == "run":
        done = subprocess.run(arg, shell=True)
        if done.returncode != 0:
            raise SystemExit(f"drive_app: {arg} exited with {done.returncode}")
    else:
        raise SystemExit(f"drive_app: unknown step {s}")
    time.sleep(0.3)


def first_window(app):
    # The main window, or the login dialog a shop with users opens first.
    return find_node(app, "frame", lambda n: True) or find_node(app, "dialog", lambda n: True)


def main():
    app_path, db, view, lang, *steps = sys.argv[1:]
    # A desktop session has a keyring: this D-Bus session gets one, unlocked, its files in HOME.
    if shutil.which("gnome-keyring-daemon"):
        subprocess.run("printf throwaway | gnome-keyring-daemon --unlock --components=secrets",
                       shell=True, stdout=subprocess.DEVNULL, check=True)
    # A display that has just started may refuse the first client: a program that exits before
    # its window shows is started again, twice at most.
    for attempt in range(3):
        program = subprocess.Popen([app_path, "--db", db, "--view", view, "--lang", lang])
        deadline = time.time() + TIMEOUT
        while time.time() < deadline and program.poll() is None:
            app = application()
            if app is not None and first_window(app) is not None:
                break
            time.sleep(0.2)
        if program.poll() is None:
            break
        print(f"drive_app: the program exited with {program.returncode} before its window "
              "showed; starting it again", flush=True)
        time.sleep(1)
    try:
        until("the window", first_window)
        shots = os.environ.get("DJ_STEP_SHOTS")
        for n, s in enumerate(steps, 1):
            print("step", s, flush=True)
            try:
                step(s)
            finally:
                if shots:
                    verb = s.partition(":")[0]
                    subprocess.run(["import", "-window", "root",
                                    os.path.join(shots, f"{n:02d}-{verb}.png")])
    finally:
        program.terminate()
        try:
            program.wait(timeout=20)
        except subprocess.TimeoutExpired:
            program.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
