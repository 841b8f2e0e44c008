// Words for the API's enums on the venue pages.

export const SECURITY_WORDS: Record<string, string> = { OPEN: 'open', WPA2_PSK: 'WPA2 personal', WPA2_WPA3: 'WPA2/WPA3 personal', WPA3_SAE: 'WPA3 personal' };
