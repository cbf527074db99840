/** Hours with one decimal, e.g. `12.5 h` (CLI, handover pack and web alike; no imports, the web uses it). */
export const formatHours = (minutes: number) => `${(minutes / 60).toFixed(1)} h`;

/** A share as a whole percentage, e.g. `35 %` (the week summary, digests). */
export const formatShare = (share: number) => `${Math.round(share * 100)} %`;
