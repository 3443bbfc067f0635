/**
 * Automatic checks answered by the inventory alone: battery, charger, network link, Wi-Fi, Bluetooth, webcam,
 * sound card, internal panel EDID and locks. What the machine lacks is "not-present", never pass or fail.
 */
import type { Inventory } from '../inventory/types.js';
import { type Reason, reason, type TestResult, type TestStatus } from '../types.js';
import { batteryVerdict, chargerVerdict, statusOf } from './battery-verdict.js';

const result = (
  name: string,
  status: TestStatus,
  reasons: Reason[],
  values: Record<string, unknown> = {},
  subject?: string,
): TestResult => ({
  name,
  kind: 'auto',
  status,
  reasons,
  values,
  durationMs: 0,
  ...(subject ? { subject } : {}),
});

const absent = (name: string, fr: string, en: string) =>
  result(name, 'not-present', [reason(`${name}-absent`, 'info', fr, en)]);

export function presenceChecks(inv: Inventory): TestResult[] {
  const out: TestResult[] = [];
  if (inv.batteries.length === 0) out.push(absent('battery', 'Aucune batterie.', 'No battery.'));
  for (const bat of inv.batteries) {
    const v = batteryVerdict(bat);
    out.push(
      result(
        'battery',
        v.status,
        v.reasons,
        { healthPercent: bat.healthPercent, cycleCount: bat.cycleCount, model: bat.model },
        bat.name,
      ),
    );
  }
  if (inv.batteries.length > 0 || inv.chargerOnline !== null) {
    const v = chargerVerdict(inv.chargerOnline, inv.battery);
    out.push(result('charger', v.status, v.reasons, { online: inv.chargerOnline }));
  }
  const wired = inv.network.filter((n) => n.kind === 'ethernet');
  if (wired.length === 0) out.push(absent('ethernet', 'Pas de port Ethernet.', 'No Ethernet port.'));
  for (const nic of wired) {
    // No cable is not a fault: the link test needs a cable, so a missing carrier is a skipped check.
    const status: TestStatus = nic.carrier === true ? 'pass' : 'skipped';
    const reasons =
      nic.carrier === true
        ? []
        : [
            reason(
              'ethernet-no-link',
              'info',
              'Pas de lien : branchez un câble pour tester.',
              'No link: plug a cable to test.',
            ),
          ];
    out.push(result('ethernet', status, reasons, { mac: nic.mac, operstate: nic.operstate }, nic.name));
  }
  const wifi = inv.network.filter((n) => n.kind === 'wifi');
  out.push(
    wifi.length > 0
      ? result('wifi', 'pass', [], { interfaces: wifi.map((w) => w.name) })
      : absent('wifi', 'Pas de carte Wi-Fi détectée.', 'No Wi-Fi adapter found.'),
  );
  out.push(
    inv.bluetooth.length > 0
      ? result('bluetooth', 'pass', [], { controllers: inv.bluetooth })
      : absent('bluetooth', 'Pas de Bluetooth détecté.', 'No Bluetooth found.'),
  );
  out.push(
    inv.webcams.length > 0
      ? result('webcam', 'pass', [], { devices: inv.webcams })
      : absent('webcam', 'Pas de webcam détectée.', 'No webcam found.'),
  );
  out.push(
    inv.audio.length > 0
      ? result('audio', 'pass', [], { cards: inv.audio })
      : absent('audio', 'Pas de carte son.', 'No sound card.'),
  );
  const panels = inv.displays.filter((d) => d.internal);
  for (const panel of panels) {
    const reasons =
      panel.edidChecksumOk === false
        ? [
            reason(
              'panel-edid-corrupt',
              'reserve',
              "L'EDID de l'écran est corrompu (nappe ou connecteur ?).",
              'The panel EDID is corrupt (cable or connector?).',
            ),
          ]
        : [];
    out.push(
      result(
        'panel',
        statusOf(reasons),
        reasons,
        { name: panel.name ?? panel.partNumber, inches: panel.diagonalInches },
        panel.connector,
      ),
    );
  }
  out.push(locksCheck(inv));
  return out;
}

/** Any firmware or drive password blocks erasure and resale until cleared (Back Market; diagnostics.md §1). */
function locksCheck(inv: Inventory): TestResult {
  const reasons: Reason[] = [];
  for (const p of inv.locks.firmwarePasswords.filter((f) => f.enabled)) {
    reasons.push(
      reason(
        'firmware-password',
        'blocking',
        `Mot de passe firmware actif : ${p.role ?? p.name}.`,
        `Firmware password set: ${p.role ?? p.name}.`,
      ),
    );
  }
  const hs = inv.locks.dmiHardwareSecurity;
  if (hs?.administratorPassword || hs?.powerOnPassword) {
    reasons.push(
      reason('bios-password', 'blocking', 'Mot de passe BIOS actif (SMBIOS).', 'BIOS password set (SMBIOS).'),
    );
  }
  for (const d of inv.locks.drivePasswords.filter((p) => p.enabled || p.locked)) {
    reasons.push(
      reason(
        'drive-password',
        'blocking',
        `Mot de passe ATA actif sur ${d.path}.`,
        `ATA password set on ${d.path}.`,
      ),
    );
  }
  const sources = inv.locks.firmwarePasswords.length + inv.locks.drivePasswords.length + (hs ? 1 : 0);
  if (sources === 0) {
    return result('locks', 'skipped', [
      reason(
        'locks-undetectable',
        'info',
        'Aucun verrou lisible sur cette machine.',
        'No lock state readable on this machine.',
      ),
    ]);
  }
  return result('locks', statusOf(reasons), reasons, {
    checked: inv.locks.firmwarePasswords.length + inv.locks.drivePasswords.length,
  });
}
