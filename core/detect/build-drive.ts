import type { Drive, DriveCapabilities, HiddenAreas, NvmeCapabilities, Protection } from '../drive.js';
import { type Text, text } from '../i18n.js';
import { parseHdparmDco } from '../tools/hdparm/parse-dco.js';
import { type HdparmIdentify, parseHdparmIdentify } from '../tools/hdparm/parse-identify.js';
import { parseHdparmNativeMax } from '../tools/hdparm/parse-native-max.js';
import { parseMmcExtcsd } from '../tools/mmc/parse-extcsd.js';
import { parseNvmeIdCtrl } from '../tools/nvme/parse-id-ctrl.js';
import { parseNvmeIdNs } from '../tools/nvme/parse-id-ns.js';
import { parseSedutilQuery } from '../tools/sedutil/parse-query.js';
import { parseSgOpcodes } from '../tools/sg3/parse-opcodes.js';
import { isHostBlockLength, parseSgReadcap, type SgReadcap } from '../tools/sg3/parse-readcap.js';
import { parseSmartctlJson, type SmartctlReport } from '../tools/smartctl/parse-smartctl.js';
import { judgeBridge } from '../tools/usb/judge-bridge.js';
import { usbIds } from '../tools/usb/parse-udev-properties.js';
import { BRIDGE_PASS_THROUGH_WORDS } from '../words/transports.js';
import type { DriveProbe } from './probe-drive.js';

/**
 * Pure: merges what each source said about one drive into the normalised Drive. Each fact comes from the
 * most authoritative source that knows it (the drive's own IDENTIFY data first, then smartctl, then lsblk).
 */
export function buildDrive(probe: DriveProbe, protections: Protection[]): Drive {
  const { node, transport } = probe;
  const warnings: Text[] = [];
  const hdparm = okOutput(probe.hdparmIdentify) ? parseHdparmIdentify(probe.hdparmIdentify.stdout) : null;
  const ata = hdparm?.identified ? hdparm : null;
  const trustedAta = ata?.trustworthy ? ata : null;
  if (ata && !ata.trustworthy) {
    warnings.push(
      text(
        `les données IDENTIFY du disque semblent abîmées (${ata.anomalies.join(' ; ')}) : ses commandes d’effacement ne seront pas utilisées`,
        `the drive's IDENTIFY data looks broken (${ata.anomalies.join('; ')}): its firmware erase commands will not be used`,
      ),
    );
  }
  const smart = probe.smartctl ? parseSmartctlJson(probe.smartctl.stdout) : null;
  const smartOk = smart?.ok ? smart : null;
  const idCtrl = okOutput(probe.nvmeIdCtrl) ? parseNvmeIdCtrl(probe.nvmeIdCtrl.stdout) : null;
  const ctrl = idCtrl?.ok ? idCtrl : null;
  const idNs = okOutput(probe.nvmeIdNs) ? parseNvmeIdNs(probe.nvmeIdNs.stdout) : null;
  const ns = idNs?.ok ? idNs : null;
  if (probe.nvmeControllerGuessed) {
    warnings.push(
      text(
        `le contrôleur NVMe ${probe.nvmeController} a été déduit du nom du périphérique, pas de sysfs`,
        `the NVMe controller ${probe.nvmeController} was inferred from the device name, not from sysfs`,
      ),
    );
  }

  const sysfsBytes = probe.sysfsSectors === null ? null : probe.sysfsSectors * 512;
  const readcap = okOutput(probe.sgReadcap ?? null) ? parseSgReadcap(probe.sgReadcap!.stdout) : null;
  // The kernel gives size 0 to a 520/528-byte drive: its real capacity is READ CAPACITY's.
  const readcapBytes =
    readcap?.logicalBlocks != null && readcap.logicalBlockLength != null
      ? readcap.logicalBlocks * readcap.logicalBlockLength
      : null;
  const sizeBytes =
    first(
      positive(node.sizeBytes),
      positive(sysfsBytes),
      smartOk?.capacityBytes,
      trustedAta?.capacityBytes,
      ns?.sizeBytes,
      readcapBytes,
    ) ?? 0;
  if (sizeBytes === 0)
    warnings.push(text('la taille du disque n’a pas pu être lue', 'the drive size could not be read'));

  const drive: Drive = {
    path: node.path,
    byIdPath: pickById(probe.byIdLinks),
    name: node.name,
    majMin: node.majMin,
    model: first(ctrl?.model, trustedAta?.model, smartOk?.model, node.model),
    serial: first(ctrl?.serial, trustedAta?.serial, smartOk?.serial, node.serial, probe.sysfsSerial),
    firmware: first(ctrl?.firmware, trustedAta?.firmware, smartOk?.firmware, node.revision),
    wwn: first(node.wwn, trustedAta?.wwn ? `0x${trustedAta.wwn}` : null, smartOk?.wwn),
    vendor: node.vendor,
    sizeBytes,
    logicalSectorSize:
      first(node.logicalSectorSize, smartOk?.logicalBlockSize, trustedAta?.logicalSectorSize) ?? 512,
    physicalSectorSize:
      first(node.physicalSectorSize, smartOk?.physicalBlockSize, trustedAta?.physicalSectorSize) ?? 512,
    rotational: rotational(probe, trustedAta, smartOk?.solidState ?? null),
    transport,
    removable: node.removable === true || node.hotplug === true,
    readOnly: node.readOnly === true,
    backingFile: probe.loopBackingFile,
    capabilities: {
      ...capabilities(probe, trustedAta, smartOk?.ataSecurity ?? null, ctrl, ns),
      ...extraCapabilities(probe, ata, smart, readcap),
    },
    protected: protections.length > 0,
    protections,
    warnings,
  };
  const security = drive.capabilities.ataSecurity;
  if (security?.frozen) {
    warnings.push(
      text(
        'la sécurité ATA est gelée par le BIOS : l’effacement par le disque demande d’abord « gomme unfreeze » (une mise en veille)',
        'ATA security is frozen by the BIOS: firmware erase needs "gomme unfreeze" first (a suspend cycle)',
      ),
    );
  }
  if (security?.locked || security?.enabled) {
    warnings.push(
      text(
        'un mot de passe est posé sur le disque : si un effacement gomme interrompu l’a posé, « gomme unlock » le retire',
        'a drive password is set: if an interrupted gomme erase set it, "gomme unlock" removes it',
      ),
    );
  }
  const scsi = drive.capabilities.scsi;
  if (scsi?.logicalBlockLength != null && !isHostBlockLength(scsi.logicalBlockLength)) {
    warnings.push(
      text(
        `le disque est formaté en blocs de ${scsi.logicalBlockLength} octets, que Linux ne sait pas lire : il doit être reformaté (sg_format) avant tout`,
        `the drive is formatted with ${scsi.logicalBlockLength}-byte blocks, which Linux cannot use: it must be reformatted (sg_format) before anything else`,
      ),
    );
  }
  const tcg = drive.capabilities.tcg;
  if (tcg?.locked)
    warnings.push(
      text(
        'le disque autochiffrant (TCG Opal) est verrouillé : ses données ne peuvent être ni lues ni écrites',
        'the self-encrypting drive (TCG Opal) is locked: its data cannot be read or written',
      ),
    );
  const bridge = drive.capabilities.usbBridge;
  if (bridge && bridge.passThrough !== 'consistent')
    warnings.push(
      text(
        `boîtier USB : ${BRIDGE_PASS_THROUGH_WORDS[bridge.passThrough].fr} ; les commandes d’effacement du micrologiciel ne passeront pas par lui`,
        `USB bridge: ${bridge.detail}; firmware erase commands will not be sent through it`,
      ),
    );
  if (bridge?.denied)
    warnings.push(
      text(
        `le boîtier USB ${bridge.vendorId}:${bridge.productId} est sur la liste des boîtiers qui ne transmettent pas les commandes ATA`,
        `USB bridge ${bridge.vendorId}:${bridge.productId} is on the deny list: ${bridge.denied.reason}`,
      ),
    );
  if (smart && !smart.ok && smart.messages.length > 0 && transport !== 'usb') {
    warnings.push(
      text(
        `smartctl n’a pas pu lire le disque : ${smart.messages.join(' ; ')}`,
        `smartctl could not read the drive: ${smart.messages.join('; ')}`,
      ),
    );
  }
  return drive;
}

function capabilities(
  probe: DriveProbe,
  ata: HdparmIdentify | null,
  smartSecurity: DriveCapabilities['ataSecurity'],
  ctrl: ReturnType<typeof parseNvmeIdCtrl> | null,
  ns: ReturnType<typeof parseNvmeIdNs> | null,
): DriveCapabilities {
  const nvme: NvmeCapabilities | null =
    probe.transport === 'nvme'
      ? {
          controller: probe.nvmeController,
          namespaceId: probe.nvmeNamespaceId,
          namespaceCount: ctrl?.nn ?? null,
          formatSupported: ctrl?.formatSupported ?? null,
          cryptoFormatSupported: ctrl?.cryptoFormatSupported ?? null,
          formatAppliesToAllNamespaces: ctrl?.formatAppliesToAllNamespaces ?? null,
          sanitizeCrypto: ctrl?.sanitizeCrypto ?? null,
          sanitizeBlock: ctrl?.sanitizeBlock ?? null,
          sanitizeOverwrite: ctrl?.sanitizeOverwrite ?? null,
          noDeallocateInhibited: ctrl?.noDeallocateInhibited ?? null,
          lbaFormats: ns?.lbaFormats ?? [],
          currentLbaFormat: ns?.currentLbaFormat ?? null,
        }
      : null;
  return {
    overwrite: probe.node.readOnly !== true,
    ataSecurity: ata ? ata.security : smartSecurity,
    ataSanitize: ata ? ata.sanitize : null,
    nvme,
    scsi:
      probe.transport === 'sas' || probe.transport === 'scsi'
        ? { sanitizeSupported: null, formatUnitSupported: null }
        : null,
    hiddenAreas: ata ? hiddenAreas(probe) : null,
  };
}

/** SCSI operations and format, TCG, eMMC and USB bridge facts (optional fields of the capabilities). */
function extraCapabilities(
  probe: DriveProbe,
  ata: HdparmIdentify | null,
  smart: SmartctlReport | null,
  readcap: SgReadcap | null,
): Partial<Pick<DriveCapabilities, 'scsi'>> & Pick<DriveCapabilities, 'tcg' | 'emmc' | 'usbBridge'> {
  const t = probe.transport;
  const out: Partial<Pick<DriveCapabilities, 'scsi'>> &
    Pick<DriveCapabilities, 'tcg' | 'emmc' | 'usbBridge'> = {
    tcg: null,
    emmc: null,
    usbBridge: null,
  };
  if (t === 'sas' || t === 'scsi') {
    const ops = okOutput(probe.sgOpcodes ?? null) ? parseSgOpcodes(probe.sgOpcodes!.stdout) : null;
    out.scsi = {
      sanitizeSupported: ops?.sanitize ?? null,
      sanitizeOverwrite: ops?.sanitizeOverwrite ?? null,
      sanitizeBlock: ops?.sanitizeBlock ?? null,
      sanitizeCrypto: ops?.sanitizeCrypto ?? null,
      formatUnitSupported: ops?.formatUnit ?? null,
      logicalBlockLength: readcap?.logicalBlockLength ?? null,
      protectionEnabled: readcap?.protectionEnabled ?? null,
      protectionType: readcap?.protectionType ?? null,
    };
  }
  if (okOutput(probe.sedutilQuery ?? null))
    out.tcg = parseSedutilQuery(probe.sedutilQuery!.stdout).capabilities;
  if (t === 'mmc' && okOutput(probe.mmcExtcsd ?? null)) out.emmc = parseMmcExtcsd(probe.mmcExtcsd!.stdout);
  if (t === 'usb') {
    out.usbBridge = judgeBridge({
      ids: okOutput(probe.udevProperties ?? null) ? usbIds(probe.udevProperties!.stdout) : null,
      identify: ata,
      smart,
      kernelBytes: positive(probe.node.sizeBytes),
    });
  }
  return out;
}

function positive(n: number | null | undefined): number | null {
  return n != null && n > 0 ? n : null;
}

function hiddenAreas(probe: DriveProbe): HiddenAreas {
  const nativeMax = okOutput(probe.hdparmNativeMax)
    ? parseHdparmNativeMax(probe.hdparmNativeMax.stdout)
    : null;
  const dco = okOutput(probe.hdparmDco) ? parseHdparmDco(probe.hdparmDco.stdout) : null;
  return {
    hpa: nativeMax
      ? {
          enabled: nativeMax.hpaEnabled,
          currentMaxSectors: nativeMax.currentMaxSectors,
          nativeMaxSectors: nativeMax.nativeMaxSectors,
        }
      : null,
    dco: dco ? { realMaxSectors: dco.realMaxSectors } : null,
  };
}

function rotational(
  probe: DriveProbe,
  ata: HdparmIdentify | null,
  solidState: boolean | null,
): boolean | null {
  // Loop and virtio devices report ROTA=1 by default: it says nothing about the medium behind them.
  if (probe.transport === 'loop' || probe.transport === 'virtio') return null;
  if (probe.transport === 'nvme') return false;
  if (ata?.rotational != null) return ata.rotational;
  if (solidState !== null) return !solidState;
  return probe.node.rotational;
}

/** Prefer the drive's own names (ata-, nvme-, scsi-, usb-) over wwn- links, which say nothing to a person. */
function pickById(links: readonly string[]): string | null {
  const named = links.filter((l) => !/\/(wwn|nvme-eui|nvme-nvme)[-.]/.test(l));
  return named.sort((a, b) => a.length - b.length)[0] ?? links[0] ?? null;
}

function okOutput<T extends { exitCode: number | null; stdout: string }>(r: T | null): r is T {
  return r !== null && r.stdout.trim() !== '';
}

function first<T>(...values: (T | null | undefined)[]): T | null {
  for (const v of values) if (v !== null && v !== undefined) return v;
  return null;
}
