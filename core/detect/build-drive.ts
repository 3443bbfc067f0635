import type { Drive, DriveCapabilities, HiddenAreas, NvmeCapabilities, Protection } from '../drive.js';
import { type Text, text } from '../i18n.js';
import { parseHdparmDco } from '../tools/hdparm/parse-dco.js';
import { type HdparmIdentify, parseHdparmIdentify } from '../tools/hdparm/parse-identify.js';
import { parseHdparmNativeMax } from '../tools/hdparm/parse-native-max.js';
import { parseNvmeIdCtrl } from '../tools/nvme/parse-id-ctrl.js';
import { parseNvmeIdNs } from '../tools/nvme/parse-id-ns.js';
import { parseSmartctlJson } from '../tools/smartctl/parse-smartctl.js';
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
  const sizeBytes =
    first(node.sizeBytes, sysfsBytes, smartOk?.capacityBytes, trustedAta?.capacityBytes, ns?.sizeBytes) ?? 0;
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
    capabilities: capabilities(probe, trustedAta, smartOk?.ataSecurity ?? null, ctrl, ns),
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
