// The enums of a WiFi network. Framework-free so the pure rules can use them; GraphQL
// registration lives in wifi-network.entity.ts.

export enum WifiNetworkKind {
  PRIMARY = 'PRIMARY',
  GUEST = 'GUEST',
  IOT = 'IOT',
}

export enum SecurityMode {
  OPEN = 'OPEN',
  WPA2_PSK = 'WPA2_PSK',
  WPA3_SAE = 'WPA3_SAE',
  /** WPA2/WPA3 transition (mixed) mode. */
  WPA2_WPA3 = 'WPA2_WPA3',
}

export enum Band {
  BAND_2_4G = 'BAND_2_4G',
  BAND_5G = 'BAND_5G',
  BAND_6G = 'BAND_6G',
}

