"""Lesson videos: a YouTube or Vimeo address becomes a privacy-enhanced embed.

YouTube is embedded from youtube-nocookie.com and Vimeo with ``dnt=1``, so watching a lesson sets no tracking
cookie. The Content-Security-Policy's frame-src allows exactly these two hosts; any other address is shown
as a plain link.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

YOUTUBE_HOSTS = {"youtube.com", "m.youtube.com", "music.youtube.com", "youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "player.vimeo.com"}
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIMEO_ID = re.compile(r"^\d{1,12}$")
# Vimeo's unlisted videos carry a privacy hash after the id: vimeo.com/123456/abcdef1234
VIMEO_HASH = re.compile(r"^[0-9a-f]{6,20}$")
YOUTUBE_PATH_PREFIXES = ("embed", "shorts", "live", "v")


@dataclass(frozen=True)
class Video:
    provider: str  # "youtube" or "vimeo"
    video_id: str
    embed_url: str


def parse_video(url: str) -> Video | None:
    """The embeddable video behind a lesson's address, or None when we do not recognise it."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower().removeprefix("www.")
    segments = [segment for segment in parts.path.split("/") if segment]
    query = parse_qs(parts.query)
    if host in YOUTUBE_HOSTS:
        return _youtube(_youtube_id(segments, query), query)
    if host == "youtu.be":
        return _youtube(segments[0] if segments else None, query)
    if host in VIMEO_HOSTS:
        return _vimeo(segments, query)
    return None


def _youtube_id(segments, query) -> str | None:
    if segments == ["watch"]:
        return (query.get("v") or [None])[0]
    if len(segments) >= 2 and segments[0] in YOUTUBE_PATH_PREFIXES:
        return segments[1]
    return None


def _youtube(video_id, query) -> Video | None:
    if not video_id or not YOUTUBE_ID.match(video_id):
        return None
    embed_url = f"https://www.youtube-nocookie.com/embed/{video_id}"
    start = _seconds((query.get("t") or query.get("start") or [""])[0])
    if start:
        embed_url += f"?{urlencode({'start': start})}"
    return Video("youtube", video_id, embed_url)


def _vimeo(segments, query) -> Video | None:
    if segments and segments[0] == "video":  # player.vimeo.com/video/<id>
        segments = segments[1:]
    elif len(segments) >= 3 and segments[0] == "channels":  # vimeo.com/channels/<name>/<id>
        segments = segments[2:]
    if not segments or not VIMEO_ID.match(segments[0]):
        return None
    video_id = segments[0]
    params = {}
    private_hash = (query.get("h") or [None])[0]
    if private_hash is None and len(segments) >= 2 and VIMEO_HASH.match(segments[1]):
        private_hash = segments[1]
    if private_hash and VIMEO_HASH.match(private_hash):
        params["h"] = private_hash
    params["dnt"] = 1
    return Video("vimeo", video_id, f"https://player.vimeo.com/video/{video_id}?{urlencode(params)}")


def _seconds(value: str) -> int:
    """YouTube's start time: "90", "90s" or "1m30s"."""
    match = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?", value or "")
    if not match or not value:
        return 0
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds
