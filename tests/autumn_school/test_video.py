import pytest

from autumn_school.video import parse_video

YOUTUBE = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://youtube.com/watch?v=dQw4w9WgXcQ&list=PL123&index=2",
        "https://m.youtube.com/watch?v=dQw4w9WgXcQ",
        "http://youtu.be/dQw4w9WgXcQ",
        "https://youtu.be/dQw4w9WgXcQ?si=tracking-token",
        "https://www.youtube.com/embed/dQw4w9WgXcQ",
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        "https://www.youtube.com/shorts/dQw4w9WgXcQ",
        "  https://www.youtube.com/watch?v=dQw4w9WgXcQ  ",
    ],
)
def test_youtube_addresses_become_a_nocookie_embed(url):
    video = parse_video(url)

    assert (video.provider, video.video_id, video.embed_url) == ("youtube", "dQw4w9WgXcQ", YOUTUBE)


@pytest.mark.parametrize(
    ("url", "start"),
    [("https://youtu.be/dQw4w9WgXcQ?t=90", 90), ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s", 90)],
)
def test_a_youtube_start_time_is_kept(url, start):
    assert parse_video(url).embed_url == f"{YOUTUBE}?start={start}"


@pytest.mark.parametrize(
    "url",
    [
        "https://vimeo.com/76979871",
        "https://www.vimeo.com/76979871",
        "https://player.vimeo.com/video/76979871",
        "https://vimeo.com/channels/staffpicks/76979871",
    ],
)
def test_vimeo_addresses_become_a_do_not_track_embed(url):
    video = parse_video(url)

    assert (video.provider, video.video_id, video.embed_url) == (
        "vimeo",
        "76979871",
        "https://player.vimeo.com/video/76979871?dnt=1",
    )


def test_an_unlisted_vimeo_video_keeps_its_privacy_hash():
    assert parse_video("https://vimeo.com/76979871/a1b2c3d4e5").embed_url == (
        "https://player.vimeo.com/video/76979871?h=a1b2c3d4e5&dnt=1"
    )


@pytest.mark.parametrize(
    "url",
    [
        "",
        "https://example.org/video.mp4",
        "https://www.youtube.com/",
        "https://www.youtube.com/watch?v=too-short",
        'https://www.youtube.com/watch?v=dQw4w9WgXcQ"onload="x',
        "https://youtu.be/",
        "https://www.youtube.com/channel/UC123",
        "https://vimeo.com/about",
        "https://vimeo.com/",
        "javascript:alert(1)//youtu.be/dQw4w9WgXcQ",
        "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "ftp://youtu.be/dQw4w9WgXcQ",
    ],
)
def test_unknown_or_malformed_addresses_are_not_embedded(url):
    assert parse_video(url) is None
