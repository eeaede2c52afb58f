"""An attacker's solver for the spoken CAPTCHA, as the testers wrote one: it knows the shipped
clips and reads a challenge by matching the loudness outline (envelope) of the audio against
each clip's, by normalised correlation. The tests assert the site's audio defeats it."""

import io
import math
import wave

from disclosure.applications import spoken_digits
from disclosure.applications.challenge import DIGITS

FRAME = 0.01  # seconds per envelope step


def envelope(samples, rate):
    """The loudness outline: the RMS of each FRAME-long step."""
    step = max(1, int(rate * FRAME))
    return [
        math.sqrt(sum(s * s for s in samples[i : i + step]) / step)
        for i in range(0, len(samples) - step + 1, step)
    ]


def _normalised(values):
    # Not centred: the quiet around a syllable is part of its outline.
    norm = math.sqrt(sum(v * v for v in values)) or 1.0
    return [v / norm for v in values]


def _templates(rate):
    return {
        digit: _normalised(envelope(spoken_digits._samples(spoken_digits.clip_frames(digit)), rate))
        for digit in DIGITS
    }


def _scores(outline, template):
    """The correlation of ``template`` with the outline at every offset."""
    width = len(template)
    scores = []
    for offset in range(len(outline) - width + 1):
        window = _normalised(outline[offset : offset + width])
        scores.append(sum(a * b for a, b in zip(window, template, strict=True)))
    return scores


def solve(wav_bytes, length=4):
    """The attacker's reading of a challenge read twice: the best-matching clips, placed
    without overlap, in time order; each position voted on by its two readings."""
    with wave.open(io.BytesIO(wav_bytes)) as audio:
        rate = audio.getframerate()
        samples = spoken_digits._samples(audio.readframes(audio.getnframes()))
    outline = envelope(samples, rate)
    candidates = []
    for digit, template in _templates(rate).items():
        for offset, score in enumerate(_scores(outline, template)):
            candidates.append((score, offset, len(template), digit))
    candidates.sort(reverse=True)
    placed = []
    for score, offset, width, digit in candidates:
        if len(placed) == 2 * length:
            break
        if all(
            offset + width * 0.8 <= other or other + other_width * 0.8 <= offset
            for _, other, other_width, _ in placed
        ):
            placed.append((score, offset, width, digit))
    placed.sort(key=lambda match: match[1])
    answer = ""
    for position in range(length):
        readings = [placed[i] for i in (position, position + length) if i < len(placed)]
        answer += max(readings)[3] if readings else "?"
    return answer
