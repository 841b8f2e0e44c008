// Generic vendor class identifiers: what DHCP clients of every make send (operating
// systems, DHCP client libraries, boot ROMs). A provider registering one of them would be
// told about every customer's equipment, so they are refused. The list is configurable
// (EBL_DENIED_VENDOR_IDS); matching ignores case, and a registration is refused when it
// and a listed entry are prefixes of one another ("udhcp" and "udhcp 1.36.1" both).

export const DEFAULT_DENIED_VENDOR_IDS: readonly string[] = [
  'MSFT 5.0',
  'MSFT 98',
  'MSFT',
  'udhcp',
  'dhcpcd',
  'android-dhcp',
  'PXEClient',
  'HTTPClient',
  'Linux',
  'ISC',
  'dhclient',
];

export function isDeniedVendorId(vendorId: string, denyList: readonly string[]): boolean {
  const v = vendorId.toLowerCase();
  return denyList.some((entry) => {
    const d = entry.toLowerCase();
    return d.length > 0 && (v.startsWith(d) || d.startsWith(v));
  });
}
