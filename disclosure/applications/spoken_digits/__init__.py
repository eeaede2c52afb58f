"""The CAPTCHA's digits read aloud in Mandarin, from the clips 0.wav … 9.wav beside this file.

The clips were made once with espeak-ng (make_clips.py) and ship with the code: the site needs
no speech synthesiser, and every machine reads the same voice. A challenge is read twice, the
digits apart so that a listener can type each one, the second reading after a longer pause.
"""

import array
import io
import random
import sys
import wave
from functools import cache
from pathlib import Path

CLIPS = Path(__file__).parent
BETWEEN_DIGITS = 0.6  # seconds
BEFORE_REPEAT = 1.5
# Every rendering differs (a script would otherwise find each shipped clip in the file, byte
# for byte, and read the challenge): each digit at its own loudness, the pauses and the start
# of their own length, and a faint hiss over the whole, ~45 dB below full scale.
GAIN = (0.7, 1.15)
PAUSE_STRETCH = (0.8, 1.5)
LEAD = (0.15, 0.6)  # seconds before the first digit
NOISE = 150  # peak amplitude of the hiss, of 32767
VARY = True
_random = random.SystemRandom()


@cache
def _clip(digit):
    with wave.open(str(CLIPS / f"{digit}.wav")) as clip:
        return clip.getparams(), clip.readframes(clip.getnframes())


def clip_frames(digit):
    """The audio frames of one digit's clip."""
    return _clip(digit)[1]


def _samples(frames):
    # The clips are 16-bit little-endian mono (make_clips.py).
    samples = array.array("h")
    samples.frombytes(frames)
    if sys.byteorder == "big":
        samples.byteswap()
    return samples


def _frames(samples):
    if sys.byteorder == "big":
        samples = array.array("h", samples)
        samples.byteswap()
    return samples.tobytes()


def _clamped(value):
    return max(-32768, min(32767, int(value)))


class _Plain:
    """The same reading every time: for tests that look for each clip in the output."""

    def uniform(self, low, high):
        # Unit gain and the nominal pauses; the shortest lead.
        return 1.0 if low <= 1.0 <= high else low

    def randint(self, low, high):
        return 0


def spoken(digits, vary=None):
    """A WAV file (bytes) reading ``digits`` (a string of 0-9) twice in Mandarin, every call
    differently unless ``vary`` is False."""
    rng = _random if (VARY if vary is None else vary) else _Plain()
    params = _clip("0")[0]
    rate = params.framerate

    def silence(seconds):
        return array.array("h", bytes(int(rate * seconds) * 2))

    def pause(seconds):
        return silence(seconds * rng.uniform(*PAUSE_STRETCH))

    def reading():
        samples = array.array("h")
        for position, digit in enumerate(digits):
            if position:
                samples.extend(pause(BETWEEN_DIGITS))
            gain = rng.uniform(*GAIN)
            samples.extend(_clamped(s * gain) for s in _samples(clip_frames(digit)))
        return samples

    samples = (
        silence(rng.uniform(*LEAD)) + reading() + pause(BEFORE_REPEAT) + reading() + pause(0.3)
    )
    samples = array.array("h", (_clamped(s + rng.randint(-NOISE, NOISE)) for s in samples))
    out = io.BytesIO()
    with wave.open(out, "wb") as audio:
        audio.setnchannels(params.nchannels)
        audio.setsampwidth(params.sampwidth)
        audio.setframerate(rate)
        audio.writeframes(_frames(samples))
    return out.getvalue()
