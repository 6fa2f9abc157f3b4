"""Write the alarm sound the desk plays while a bracelet alarm waits for someone to answer it:

    python resources/sounds/build_alarm_sound.py

Writes mediation_desk/resources/sounds/alarm.wav, where the installed package finds it. The
sound is made here from sine waves (standard library only: `wave`, `math`, `struct`), so it is
the project's own and carries no one else's rights.

Why this sound: two alternating tones (960 Hz and 770 Hz, a "hi-lo" pattern like a siren's)
cut through a noisy room and stay audible to ears that have lost the highest frequencies, as
many elderly listeners' have; a short fade at each edge keeps the speaker from clicking. The
file is one second long and the desk loops it until the alarm is acknowledged."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "mediation_desk" / "resources" / "sounds" / "alarm.wav"
RATE = 22_050  # Hz: plenty for tones under 1 kHz, and a small file
TONES = ((960.0, 0.25), (770.0, 0.25), (960.0, 0.25), (770.0, 0.25))  # (Hz, seconds)
VOLUME = 0.6  # of full scale: loud, without clipping in a mixer that adds another sound
FADE_S = 0.01


def samples() -> list[int]:
    out: list[int] = []
    for frequency, seconds in TONES:
        count = round(RATE * seconds)
        fade = round(RATE * FADE_S)
        for n in range(count):
            edge = min(1.0, n / fade, (count - 1 - n) / fade)
            # A touch of the third harmonic: a square-ish, more piercing tone than a pure sine.
            wave_value = math.sin(2 * math.pi * frequency * n / RATE)
            wave_value += 0.3 * math.sin(2 * math.pi * 3 * frequency * n / RATE)
            out.append(round(32767 * VOLUME * edge * wave_value / 1.3))
    return out


def write(target: Path = TARGET) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(target), "wb") as file:
        file.setnchannels(1)
        file.setsampwidth(2)
        file.setframerate(RATE)
        file.writeframes(b"".join(struct.pack("<h", s) for s in samples()))
    return target


if __name__ == "__main__":
    print(write())
