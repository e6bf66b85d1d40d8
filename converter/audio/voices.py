"""The voices a user can choose, for ``converter voices``."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from converter.audio.engines import EDGE_DEFAULT_VOICE, ESPEAK_VOICE
from converter.errors import ConverterError


@dataclass(frozen=True)
class VoiceInfo:
    name: str
    engine: str  # "edge" (online) or "espeak" (offline)
    locale: str
    gender: str
    description: str

    def __str__(self) -> str:
        where = "online" if self.engine == "edge" else "offline"
        return f"{self.name:<32} {where:<8} {self.gender:<7} {self.description}"


OFFLINE_VOICE = VoiceInfo(ESPEAK_VOICE, "espeak", "zh-CN", "Male",
                          "Mandarin, offline (espeak-ng); robotic but always there")

# The Chinese neural voices, listed without the network.
KNOWN_EDGE_VOICES = (
    VoiceInfo(EDGE_DEFAULT_VOICE, "edge", "zh-CN", "Female", "news and novels, warm (default)"),
    VoiceInfo("zh-CN-YunyangNeural", "edge", "zh-CN", "Male", "news, professional"),
    VoiceInfo("zh-CN-YunxiNeural", "edge", "zh-CN", "Male", "lively"),
    VoiceInfo("zh-CN-YunjianNeural", "edge", "zh-CN", "Male", "passionate, sports"),
    VoiceInfo("zh-CN-XiaoyiNeural", "edge", "zh-CN", "Female", "lively, cartoon"),
    VoiceInfo("zh-CN-YunxiaNeural", "edge", "zh-CN", "Male", "young, cartoon"),
    VoiceInfo("zh-CN-liaoning-XiaobeiNeural", "edge", "zh-CN-liaoning", "Female", "Northeastern dialect"),
    VoiceInfo("zh-CN-shaanxi-XiaoniNeural", "edge", "zh-CN-shaanxi", "Female", "Shaanxi dialect"),
)


class VoiceListError(ConverterError):
    """The service's voice list could not be fetched."""


def list_voices(online: bool = False) -> list[VoiceInfo]:
    """Chinese voices: the built-in list, or the service's own when ``online``; the offline voice last."""
    if not online:
        return [*KNOWN_EDGE_VOICES, OFFLINE_VOICE]
    return [*_service_voices(), OFFLINE_VOICE]


def _service_voices() -> list[VoiceInfo]:
    import aiohttp
    import edge_tts
    from edge_tts.exceptions import EdgeTTSException

    try:
        voices = asyncio.run(edge_tts.list_voices())
    except (TimeoutError, aiohttp.ClientError, OSError, EdgeTTSException) as exc:
        raise VoiceListError(f"cannot fetch the online voice list ({type(exc).__name__})") from exc
    chinese = [v for v in voices if v.get("Locale", "").startswith("zh-")]
    return [
        VoiceInfo(v["ShortName"], "edge", v["Locale"], v.get("Gender", ""),
                  ", ".join(v.get("VoiceTag", {}).get("VoicePersonalities", [])))
        for v in sorted(chinese, key=lambda v: (v["Locale"], v["ShortName"]))
    ]
