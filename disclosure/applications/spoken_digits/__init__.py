"""The CAPTCHA's digits read aloud in Mandarin, from the clips 0.wav … 9.wav beside this file.

The clips were made once with espeak-ng (make_clips.py) and ship with the code: the site needs
no speech synthesiser, and every machine reads the same voice. A challenge is read twice, the
digits apart so that a listener can type each one, the second reading after a longer pause.

Every rendering differs, and not only byte for byte: a script that knows the shipped clips
matched each digit's loudness outline to theirs and read 13 challenges in 20. So each digit is
read at its own speed and pitch (played faster or slower), its loudness rises and falls along
its own random contour, the pauses are of random length, and a babble of other syllables
played backwards (speech-like, but no digit a listener could mistake) runs under the whole,
some BABBLE_SNR decibels below the digits, with a faint hiss. A person hears the digits well
above the babble; an outline matched against the clips no longer finds them
(tests/audio_solver.py, the attacker's method, is held to at most 1 challenge in 20).
"""

import array
import io
import math
import random
import sys
import wave
from functools import cache
from pathlib import Path

CLIPS = Path(__file__).parent
BETWEEN_DIGITS = 0.6  # seconds
BEFORE_REPEAT = 1.5
SPEED = (0.75, 1.3)  # each digit played this much faster (>1) or slower, pitch with it
CONTOUR = (0.45, 1.0)  # the gain at each of a digit's contour points
CONTOUR_POINTS = 7
PAUSE_STRETCH = (0.6, 1.6)
LEAD = (0.15, 0.8)  # seconds before the first digit
BABBLE_SNR = (12.0, 15.0)  # decibels of the digits above the babble, drawn per rendering
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


@cache
def _clip_samples(digit):
    return tuple(_samples(clip_frames(digit)))


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
        # Unit gain and speed, the nominal pauses; the shortest lead.
        return 1.0 if low <= 1.0 <= high else low

    def randint(self, low, high):
        return 0

    def choice(self, options):
        return options[0]


def _played_at(samples, speed):
    """``samples`` played ``speed`` times faster (linear interpolation): shorter and higher."""
    if speed == 1.0:
        return list(samples)
    length = int((len(samples) - 1) / speed)
    out = []
    for i in range(length):
        position = i * speed
        j = int(position)
        fraction = position - j
        out.append(samples[j] * (1 - fraction) + samples[j + 1] * fraction)
    return out


def _contoured(samples, rng):
    """``samples`` under a gain that moves through random points: a new loudness outline."""
    points = [rng.uniform(*CONTOUR) for _ in range(CONTOUR_POINTS)]
    peak = max(points)
    points = [p / peak for p in points]  # the loudest point at full level
    span = (len(samples) - 1) / (CONTOUR_POINTS - 1) or 1
    out = []
    for i, sample in enumerate(samples):
        position = i / span
        j = min(int(position), CONTOUR_POINTS - 2)
        fraction = position - j
        out.append(sample * (points[j] * (1 - fraction) + points[j + 1] * fraction))
    return out


def _power(samples):
    return sum(s * s for s in samples) / max(len(samples), 1)


def tracks(digits, vary=None):
    """(speech, babble): the reading of ``digits`` and what is mixed under it, two lists of
    samples of the same length, before mixing (for spoken() and for the tests, which measure
    the signal-to-noise ratio)."""
    varied = VARY if vary is None else vary
    rng = _random if varied else _Plain()
    rate = _clip("0")[0].framerate

    def silence(seconds):
        return [0.0] * int(rate * seconds)

    def pause(seconds):
        return silence(seconds * rng.uniform(*PAUSE_STRETCH))

    def reading():
        samples = []
        for position, digit in enumerate(digits):
            if position:
                samples.extend(pause(BETWEEN_DIGITS))
            said = _played_at(_clip_samples(digit), rng.uniform(*SPEED))
            samples.extend(_contoured(said, rng) if varied else said)
        return samples

    speech = silence(rng.uniform(*LEAD)) + reading() + pause(BEFORE_REPEAT) + reading()
    speech += pause(0.3)
    babble = _babble(len(speech), rng) if varied else [0.0] * len(speech)
    if varied:
        # The babble's level is set against the digits' own (their power while they sound).
        voiced = [s for s in speech if s]
        ratio = 10 ** (rng.uniform(*BABBLE_SNR) / 10)
        scale = math.sqrt(_power(voiced) / ratio / (_power(babble) or 1))
        babble = [b * scale + rng.randint(-NOISE, NOISE) for b in babble]
    return speech, babble


def _babble(length, rng):
    """Two overlapping streams of syllables played backwards at random speeds."""
    babble = [0.0] * length
    for _stream in range(2):
        at = -rng.randint(0, 4000)
        while at < length:
            syllable = _played_at(
                _clip_samples(rng.choice("0123456789"))[::-1], rng.uniform(*SPEED)
            )
            for i, sample in enumerate(syllable, start=max(at, 0) - at):
                if at + i >= length:
                    break
                babble[at + i] += sample
            at += len(syllable) - rng.randint(0, len(syllable) // 3)
    return babble


def spoken(digits, vary=None):
    """A WAV file (bytes) reading ``digits`` (a string of 0-9) twice in Mandarin, every call
    differently unless ``vary`` is False."""
    speech, babble = tracks(digits, vary)
    samples = array.array("h", (_clamped(s + b) for s, b in zip(speech, babble, strict=True)))
    params = _clip("0")[0]
    out = io.BytesIO()
    with wave.open(out, "wb") as audio:
        audio.setnchannels(params.nchannels)
        audio.setsampwidth(params.sampwidth)
        audio.setframerate(params.framerate)
        audio.writeframes(_frames(samples))
    return out.getvalue()
