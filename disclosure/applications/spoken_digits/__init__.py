"""The CAPTCHA's digits read aloud in Mandarin, from the clips 0.wav … 9.wav beside this file.

The clips were made once with espeak-ng (make_clips.py) and ship with the code: the site needs
no speech synthesiser, and every machine reads the same voice. A challenge is read twice, the
digits apart so that a listener can type each one, the second reading after a longer pause.
"""

import io
import wave
from functools import cache
from pathlib import Path

CLIPS = Path(__file__).parent
BETWEEN_DIGITS = 0.6  # seconds
BEFORE_REPEAT = 1.5


@cache
def _clip(digit):
    with wave.open(str(CLIPS / f"{digit}.wav")) as clip:
        return clip.getparams(), clip.readframes(clip.getnframes())


def clip_frames(digit):
    """The audio frames of one digit's clip."""
    return _clip(digit)[1]


def spoken(digits):
    """A WAV file (bytes) reading ``digits`` (a string of 0-9) twice in Mandarin."""
    params = _clip("0")[0]
    rate, width = params.framerate, params.sampwidth

    def silence(seconds):
        return b"\0" * (int(rate * seconds) * width)

    once = silence(BETWEEN_DIGITS).join(clip_frames(digit) for digit in digits)
    out = io.BytesIO()
    with wave.open(out, "wb") as audio:
        audio.setnchannels(params.nchannels)
        audio.setsampwidth(width)
        audio.setframerate(rate)
        audio.writeframes(silence(0.3) + once + silence(BEFORE_REPEAT) + once + silence(0.3))
    return out.getvalue()
