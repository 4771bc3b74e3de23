/**
 * Xenstore keys that configure an HVM guest's firmware. The toolstack writes them under the
 * guest's own xenstore directory before the guest starts; hvmloader (and the firmware it
 * loads) reads them to pick a BIOS, to pass through ACPI and SMBIOS tables, and to fill the
 * SMBIOS strings a guest operating system sees (vendor, product, serial numbers). Every key
 * is relative to the domain's home path (`/local/domain/<id>`). The keys only ever grew: 4.10
 * added an enclosure asset tag, 4.13 the six baseboard strings and 4.21 a switch for the
 * caching of the Xen platform PCI device's memory BAR.
 */
import { abiModule, stringConstant } from 'xenabi/dsl';

// ---- hvmloader's own settings --------------------------------------------------------------

export const HVM_XS_HVMLOADER = stringConstant('HVM_XS_HVMLOADER', 'hvmloader', {
  since: '4.6',
  doc: 'The directory of the settings hvmloader reads.',
});
export const HVM_XS_BIOS = stringConstant('HVM_XS_BIOS', 'hvmloader/bios', {
  since: '4.6',
  doc: 'Which firmware hvmloader loads: `rombios`, `seabios` or `ovmf`.',
});
export const HVM_XS_GENERATION_ID_ADDRESS = stringConstant('HVM_XS_GENERATION_ID_ADDRESS', 'hvmloader/generation-id-address', {
  since: '4.6',
  doc: "Where hvmloader placed the VM generation ID (Microsoft's virtual machine identifier): written by hvmloader, read by the toolstack.",
});
export const HVM_XS_ALLOW_MEMORY_RELOCATE = stringConstant('HVM_XS_ALLOW_MEMORY_RELOCATE', 'hvmloader/allow-memory-relocate', {
  since: '4.6',
  doc: 'Whether hvmloader may move guest RAM above 4 GiB to make room for PCI memory BARs: `1` or `0`.',
});
export const HVM_XS_XEN_PLATFORM_PCI_BAR_UC = stringConstant('HVM_XS_XEN_PLATFORM_PCI_BAR_UC', 'hvmloader/pci/xen-platform-pci-bar-uc', {
  since: '4.21',
  doc: "Whether hvmloader makes the Xen platform PCI device's memory BAR uncacheable in the MTRRs: `1` (the default when the key is absent) or `0` for write-back.",
});

// ---- Firmware tables passed through ---------------------------------------------------------

export const HVM_XS_ACPI_PT_ADDRESS = stringConstant('HVM_XS_ACPI_PT_ADDRESS', 'hvmloader/acpi/address', {
  since: '4.6',
  doc: 'Guest physical address of a block of extra ACPI tables, one after another, that the toolstack loaded for hvmloader to add to its own.',
});
export const HVM_XS_ACPI_PT_LENGTH = stringConstant('HVM_XS_ACPI_PT_LENGTH', 'hvmloader/acpi/length', {
  since: '4.6',
  doc: 'Length in bytes of those ACPI tables.',
});
export const HVM_XS_SMBIOS_PT_ADDRESS = stringConstant('HVM_XS_SMBIOS_PT_ADDRESS', 'hvmloader/smbios/address', {
  since: '4.6',
  doc: "Guest physical address of a block of SMBIOS structures the toolstack loaded, each preceded by its length as a 32-bit integer: a standard type replaces hvmloader's own, an OEM type (128 to 255) is added.",
});
export const HVM_XS_SMBIOS_PT_LENGTH = stringConstant('HVM_XS_SMBIOS_PT_LENGTH', 'hvmloader/smbios/length', {
  since: '4.6',
  doc: 'Length in bytes of those SMBIOS structures.',
});
export const HVM_XS_SMBIOS_DEFAULT_BATTERY = stringConstant('HVM_XS_SMBIOS_DEFAULT_BATTERY', 'hvmloader/smbios/default_battery', {
  since: '4.6',
  doc: 'Set to `1` for hvmloader to add its default SMBIOS portable-battery structure (type 22).',
});

// ---- SMBIOS strings -------------------------------------------------------------------------

export const HVM_XS_BIOS_STRINGS = stringConstant('HVM_XS_BIOS_STRINGS', 'bios-strings', {
  since: '4.6',
  doc: 'The directory of the SMBIOS strings below; a string left unset keeps its default.',
});
export const HVM_XS_BIOS_VENDOR = stringConstant('HVM_XS_BIOS_VENDOR', 'bios-strings/bios-vendor', {
  since: '4.6',
  doc: 'SMBIOS type 0 (BIOS information): the vendor.',
});
export const HVM_XS_BIOS_VERSION = stringConstant('HVM_XS_BIOS_VERSION', 'bios-strings/bios-version', {
  since: '4.6',
  doc: 'SMBIOS type 0: the BIOS version.',
});
export const HVM_XS_SYSTEM_MANUFACTURER = stringConstant('HVM_XS_SYSTEM_MANUFACTURER', 'bios-strings/system-manufacturer', {
  since: '4.6',
  doc: 'SMBIOS type 1 (system information): the manufacturer.',
});
export const HVM_XS_SYSTEM_PRODUCT_NAME = stringConstant('HVM_XS_SYSTEM_PRODUCT_NAME', 'bios-strings/system-product-name', {
  since: '4.6',
  doc: 'SMBIOS type 1: the product name.',
});
export const HVM_XS_SYSTEM_VERSION = stringConstant('HVM_XS_SYSTEM_VERSION', 'bios-strings/system-version', {
  since: '4.6',
  doc: 'SMBIOS type 1: the version.',
});
export const HVM_XS_SYSTEM_SERIAL_NUMBER = stringConstant('HVM_XS_SYSTEM_SERIAL_NUMBER', 'bios-strings/system-serial-number', {
  since: '4.6',
  doc: 'SMBIOS type 1: the serial number.',
});
export const HVM_XS_BASEBOARD_MANUFACTURER = stringConstant('HVM_XS_BASEBOARD_MANUFACTURER', 'bios-strings/baseboard-manufacturer', {
  since: '4.13',
  doc: 'SMBIOS type 2 (baseboard information): the manufacturer.',
});
export const HVM_XS_BASEBOARD_PRODUCT_NAME = stringConstant('HVM_XS_BASEBOARD_PRODUCT_NAME', 'bios-strings/baseboard-product-name', {
  since: '4.13',
  doc: 'SMBIOS type 2: the product name.',
});
export const HVM_XS_BASEBOARD_VERSION = stringConstant('HVM_XS_BASEBOARD_VERSION', 'bios-strings/baseboard-version', {
  since: '4.13',
  doc: 'SMBIOS type 2: the version.',
});
export const HVM_XS_BASEBOARD_SERIAL_NUMBER = stringConstant('HVM_XS_BASEBOARD_SERIAL_NUMBER', 'bios-strings/baseboard-serial-number', {
  since: '4.13',
  doc: 'SMBIOS type 2: the serial number.',
});
export const HVM_XS_BASEBOARD_ASSET_TAG = stringConstant('HVM_XS_BASEBOARD_ASSET_TAG', 'bios-strings/baseboard-asset-tag', {
  since: '4.13',
  doc: 'SMBIOS type 2: the asset tag.',
});
export const HVM_XS_BASEBOARD_LOCATION_IN_CHASSIS = stringConstant('HVM_XS_BASEBOARD_LOCATION_IN_CHASSIS', 'bios-strings/baseboard-location-in-chassis', {
  since: '4.13',
  doc: 'SMBIOS type 2: where the board sits in its chassis.',
});
export const HVM_XS_ENCLOSURE_MANUFACTURER = stringConstant('HVM_XS_ENCLOSURE_MANUFACTURER', 'bios-strings/enclosure-manufacturer', {
  since: '4.6',
  doc: 'SMBIOS type 3 (system enclosure): the manufacturer.',
});
export const HVM_XS_ENCLOSURE_SERIAL_NUMBER = stringConstant('HVM_XS_ENCLOSURE_SERIAL_NUMBER', 'bios-strings/enclosure-serial-number', {
  since: '4.6',
  doc: 'SMBIOS type 3: the serial number.',
});
export const HVM_XS_ENCLOSURE_ASSET_TAG = stringConstant('HVM_XS_ENCLOSURE_ASSET_TAG', 'bios-strings/enclosure-asset-tag', {
  since: '4.10',
  doc: 'SMBIOS type 3: the asset tag.',
});
export const HVM_XS_BATTERY_MANUFACTURER = stringConstant('HVM_XS_BATTERY_MANUFACTURER', 'bios-strings/battery-manufacturer', {
  since: '4.6',
  doc: "SMBIOS type 22 (portable battery): the manufacturer of hvmloader's default battery.",
});
export const HVM_XS_BATTERY_DEVICE_NAME = stringConstant('HVM_XS_BATTERY_DEVICE_NAME', 'bios-strings/battery-device-name', {
  since: '4.6',
  doc: "SMBIOS type 22: the device name of hvmloader's default battery.",
});
export const HVM_XS_OEM_STRINGS = stringConstant('HVM_XS_OEM_STRINGS', 'bios-strings/oem-%d', {
  since: '4.6',
  doc: 'SMBIOS type 11 (OEM strings): a printf format for the key of the n-th string, counting from 1 (`bios-strings/oem-1`, `bios-strings/oem-2`, …).',
});

export default abiModule({
  name: 'hvm_xs_strings',
  xenHeader: 'hvm/hvm_xs_strings.h',
  xenGuard: '__XEN_PUBLIC_HVM_HVM_XS_STRINGS_H__',
  coverage: 'full',
  doc: "Xenstore keys, relative to an HVM guest's home path, through which the toolstack configures hvmloader and the SMBIOS strings the guest sees. String constants.",
  items: [
    HVM_XS_HVMLOADER, HVM_XS_BIOS, HVM_XS_GENERATION_ID_ADDRESS, HVM_XS_ALLOW_MEMORY_RELOCATE, HVM_XS_XEN_PLATFORM_PCI_BAR_UC,
    HVM_XS_ACPI_PT_ADDRESS, HVM_XS_ACPI_PT_LENGTH, HVM_XS_SMBIOS_PT_ADDRESS, HVM_XS_SMBIOS_PT_LENGTH, HVM_XS_SMBIOS_DEFAULT_BATTERY,
    HVM_XS_BIOS_STRINGS, HVM_XS_BIOS_VENDOR, HVM_XS_BIOS_VERSION, HVM_XS_SYSTEM_MANUFACTURER, HVM_XS_SYSTEM_PRODUCT_NAME,
    HVM_XS_SYSTEM_VERSION, HVM_XS_SYSTEM_SERIAL_NUMBER, HVM_XS_BASEBOARD_MANUFACTURER, HVM_XS_BASEBOARD_PRODUCT_NAME,
    HVM_XS_BASEBOARD_VERSION, HVM_XS_BASEBOARD_SERIAL_NUMBER, HVM_XS_BASEBOARD_ASSET_TAG, HVM_XS_BASEBOARD_LOCATION_IN_CHASSIS,
    HVM_XS_ENCLOSURE_MANUFACTURER, HVM_XS_ENCLOSURE_SERIAL_NUMBER, HVM_XS_ENCLOSURE_ASSET_TAG, HVM_XS_BATTERY_MANUFACTURER,
    HVM_XS_BATTERY_DEVICE_NAME, HVM_XS_OEM_STRINGS,
  ],
});
