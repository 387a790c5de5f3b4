#!/usr/bin/env python3
"""An official saving a draft once a second, through the real editor (for bench/uncached.sh).

    python3 bench/draft-saver.py BASE_URL COORDINATOR PASSWORD STATUS_FILE [INTERVAL]

Signs in as COORDINATOR (the app creates it at start from dafu.admin.username and
dafu.admin.password), creates an official account for a unit (bench-official-<unit id>,
the coordinator's account form; kept when it already exists), signs in as that official
and takes the first draft in the unit's inbox (/workspace/unit, links to
/workspace/unit/replies/<id>/edit), trying the units in turn until one has a draft. Then,
every INTERVAL seconds (default 1) until stopped (SIGTERM/SIGINT), it changes the last
section's text (adds or removes a short suffix) and posts the editor's form as shown (CSRF
token and version included) with action=save; a save answers 302 back to the editor. The
editor is read first and again after a refused save; after a save the same form is posted
next with the version moved on by one, so a save is one POST (as an official saving twice
without reloading). It writes "ready <reply id>" to STATUS_FILE once the first save succeeded, a line
"saved <epoch seconds>" for every save, and at the end "saves <ok> failed <n> mean_ms <m>
max_ms <m>" (a save's time includes reading the editor when it had to).

Only HTTP, so it works against any version of the app whose editor is a plain form.
"""
import html.parser
import http.cookiejar
import re
import signal
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

SUFFIX = "（暂存）"
PASSWORD = "Bench-official-7x9q2!"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


class Client:
    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def request(self, path, data=None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body)
        try:
            with self.opener.open(req, timeout=60) as r:
                return r.status, r.headers.get("Location"), r.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, e.headers.get("Location"), e.read().decode("utf-8", "replace")

    def csrf(self, page):
        m = re.search(r'name="_csrf"[^>]*value="([^"]+)"', page) or re.search(
            r'value="([^"]+)"[^>]*name="_csrf"', page)
        return m.group(1) if m else None

    def sign_in(self, username, password):
        status, _, page = self.request("/login")
        status, location, _ = self.request(
            "/login", {"username": username, "password": password, "_csrf": self.csrf(page)})
        return status in (301, 302, 303) and location is not None and "error" not in location


class FormParser(html.parser.HTMLParser):
    """The fields of one form, as a browser would post them (submit buttons left out)."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.in_form = False
        self.action = None
        self.fields = []
        self.textarea = None
        self.select = None
        self.option = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("id") == self.form_id or (
                self.form_id is None and re.search(r"/workspace/unit/replies/\d+$", a.get("action", "")))):
            self.in_form = True
            self.action = a.get("action")
            return
        if not self.in_form or "disabled" in a:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append([name, a.get("value", "on" if kind in ("checkbox", "radio") else "")])
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
            self.fields.append(self.textarea)
        elif tag == "select" and name:
            self.select = {"name": name, "first": None, "selected": None}
        elif tag == "option" and self.select is not None:
            value = a.get("value")
            self.option = value
            if value is not None:
                if self.select["first"] is None:
                    self.select["first"] = value
                if "selected" in a:
                    self.select["selected"] = value

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            self.in_form = False
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select" and self.select is not None:
            value = self.select["selected"] if self.select["selected"] is not None else self.select["first"]
            if value is not None:
                self.fields.append([self.select["name"], value])
            self.select = None


def find_draft(base, coordinator, password):
    admin = Client(base)
    if not admin.sign_in(coordinator, password):
        sys.exit(f"cannot sign in as the coordinator {coordinator}")
    _, _, form = admin.request("/workspace/coordinator/accounts/new")
    select = re.search(r'<select[^>]*name="unitId"[^>]*>(.*?)</select>', form, re.S)
    units = re.findall(r'<option[^>]*value="(\d+)"', select.group(1)) if select else []
    if not units:
        sys.exit("no units offered on /workspace/coordinator/accounts/new")
    for unit in units:
        username = f"bench-official-{unit}"
        status, _, page = admin.request("/workspace/coordinator/accounts/new")
        admin.request("/workspace/coordinator/accounts", {
            "username": username, "password": PASSWORD, "role": "OFFICIAL", "unitId": unit,
            "_csrf": admin.csrf(page)})  # 400 when it exists already: then it is signed in below
        official = Client(base)
        if not official.sign_in(username, PASSWORD):
            continue
        _, _, inbox = official.request("/workspace/unit")
        drafts = re.findall(r'href="(/workspace/unit/replies/(\d+)/edit)"', inbox)
        if drafts:
            return official, drafts[0][1]
    sys.exit("no unit has a draft in its inbox")


def editor_form(client, reply_id):
    _, _, page = client.request(f"/workspace/unit/replies/{reply_id}/edit")
    form = FormParser("reply-form")
    form.feed(page)
    if not form.fields:
        form = FormParser(None)
        form.feed(page)
    return form


def save_once(client, reply_id, form):
    """Posts the form with the last section changed; True when saved. After a save the
    form is reused with the version moved on by one (what the editor shows after the
    redirect), so that a save is one request; a refused save makes the caller read the
    editor again."""
    bodies = [f for f in form.fields if re.fullmatch(r"sections\[\d+\]\.body", f[0])]
    target = bodies[-1] if bodies else next((f for f in form.fields if f[0] == "closing"), None)
    if target is not None:
        target[1] = target[1][:-len(SUFFIX)] if target[1].endswith(SUFFIX) else target[1] + SUFFIX
    data = [(k, v) for k, v in form.fields] + [("action", "save")]
    status, location, _ = client.request(form.action or f"/workspace/unit/replies/{reply_id}", data)
    saved = status in (302, 303) and location is not None and location.rstrip("/").endswith(f"/{reply_id}/edit")
    if saved:
        for field in form.fields:
            if field[0] == "version" and field[1].isdigit():
                field[1] = str(int(field[1]) + 1)
    return saved


def main():
    base, coordinator, password, status_file = sys.argv[1:5]
    interval = float(sys.argv[5]) if len(sys.argv) > 5 else 1.0
    client, reply_id = find_draft(base, coordinator, password)
    ok = failed = 0
    times = []
    running = [True]

    def stop(*_):
        running[0] = False

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    tick = time.monotonic()
    form = None
    while running[0]:
        start = time.monotonic()
        try:
            if form is None:
                form = editor_form(client, reply_id)
            saved = save_once(client, reply_id, form)
        except Exception as e:  # a refused connection while the app stops
            print(f"save failed: {e}", file=sys.stderr)
            saved = False
        if not saved:
            form = None  # read the editor again (another version, or the page changed)
        times.append((time.monotonic() - start) * 1000)
        if saved:
            ok += 1
            with open(status_file, "w" if ok == 1 else "a") as f:
                if ok == 1:
                    f.write(f"ready {reply_id}\n")
                f.write(f"saved {time.time():.3f}\n")
        else:
            failed += 1
            if ok == 0 and failed >= 3:
                with open(status_file, "w") as f:
                    f.write(f"failed {reply_id}\n")
                sys.exit(f"the draft {reply_id} could not be saved")
        tick = max(tick + interval, time.monotonic())  # a slow save delays the next, no burst
        while running[0] and time.monotonic() < tick:
            time.sleep(min(0.05, max(0.0, tick - time.monotonic())))
    mean = sum(times) / len(times) if times else 0
    with open(status_file, "a") as f:
        f.write(f"saves {ok} failed {failed} mean_ms {mean:.0f} max_ms {max(times or [0]):.0f} reply {reply_id}\n")


if __name__ == "__main__":
    main()
