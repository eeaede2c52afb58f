"""Regenerates the Mandarin digit clips 0.wav … 9.wav next to this file (run once, by hand;
the site only reads the clips, so no speech synthesiser is needed where it runs).

    python disclosure/applications/spoken_digits/make_clips.py [path/to/espeak-ng]

espeak-ng's ``cmn-latn-pinyin`` voice is used with tone-numbered pinyin: Debian's ``cmn``
voice reads several of the characters 零…九 through its English fallback (``espeak-ng -v cmn
-x 七`` prints English phonemes), the pinyin voice gives each digit its Mandarin syllable and
tone. Silence around the syllable is cut and the rate halved (11 025 Hz is plenty for
speech) so that each clip is a few kilobytes.
"""

import array
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

PINYIN = ["ling2", "yi1", "er4", "san1", "si4", "wu3", "liu4", "qi1", "ba1", "jiu3"]
HERE = Path(__file__).parent
QUIET = 300  # |sample| below this (of 32 767) counts as silence


def _trimmed_half_rate(samples):
    loud = [i for i, s in enumerate(samples) if abs(s) > QUIET]
    start, end = max(loud[0] - 220, 0), min(loud[-1] + 440, len(samples))
    kept = samples[start:end]
    return array.array("h", ((kept[i] + kept[i + 1]) // 2 for i in range(0, len(kept) - 1, 2)))


def main(espeak="espeak-ng"):
    for digit, syllable in enumerate(PINYIN):
        with tempfile.NamedTemporaryFile(suffix=".wav") as raw:
            subprocess.run(
                [espeak, "-v", "cmn-latn-pinyin", "-s", "120", "-w", raw.name, syllable],
                check=True,
            )
            with wave.open(raw.name) as source:
                assert source.getsampwidth() == 2 and source.getnchannels() == 1
                rate = source.getframerate()
                samples = array.array("h", source.readframes(source.getnframes()))
        with wave.open(str(HERE / f"{digit}.wav"), "wb") as clip:
            clip.setnchannels(1)
            clip.setsampwidth(2)
            clip.setframerate(rate // 2)
            clip.writeframes(_trimmed_half_rate(samples).tobytes())


if __name__ == "__main__":
    main(*sys.argv[1:])
