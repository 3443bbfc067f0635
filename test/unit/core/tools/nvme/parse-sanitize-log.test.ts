import { describe, expect, it } from 'vitest';
import { parseNvmeSanitizeLog } from '../../../../../core/tools/nvme/parse-sanitize-log.js';
import { readFixture } from '../../../../helpers/fixtures.js';

const QEMU_ERROR =
  'Invalid Field in Command: A reserved coded value or an unsupported value in a defined field';

/** The layout nvme-cli 2.x `json_sanitize_log` prints (no real capture with a log body in the corpus). */
function cliLog(sprog: number, status: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    nvme0: {
      sprog,
      sstat: { global_erased: 1, no_cmplted_passes: 0, status },
      cdw10_info: 4,
      time_over_write: 0xffffffff,
      time_block_erase: 120,
      time_crypto_erase: 2,
      time_over_write_no_dealloc: 0xffffffff,
      time_block_erase_no_dealloc: 0xffffffff,
      time_crypto_erase_no_dealloc: 0xffffffff,
      ...extra,
    },
  });
}

describe('parseNvmeSanitizeLog', () => {
  it.each([
    'qemu/bios-cdrom-full/nvme-sanitize-log-before.out',
    'qemu/bios-cdrom-full/nvme-sanitize-log-after2.out',
    'qemu/uefi-secureboot-cdrom-full/nvme-sanitize-log-before.out',
    'qemu/uefi-secureboot-cdrom-full/nvme-sanitize-log-after2.out',
  ])('QEMU before/after sanitize (%s): no log page, nvme-cli error kept, status unknown', (file) => {
    const log = parseNvmeSanitizeLog(readFixture(file));
    expect(log.ok).toBe(false);
    expect(log.error).toBe(QEMU_ERROR);
    expect(log.status).toBe('unknown');
    expect(log.sprog).toBeNull();
    expect(log.progressFraction).toBeNull();
    expect(log.globalDataErased).toBeNull();
  });

  it('idle after a crypto erase: nested under the device name, SPROG 65535 → no progress fraction', () => {
    const log = parseNvmeSanitizeLog(
      cliLog(65535, '(1) Most Recent Sanitize Command Completed Successfully.'),
    );
    expect(log.ok).toBe(true);
    expect(log.device).toBe('nvme0');
    expect(log.status).toBe('success');
    expect(log.statusCode).toBe(1);
    expect(log.progressFraction).toBeNull();
    expect(log.globalDataErased).toBe(true);
    expect(log.overwritePassesDone).toBe(0);
    expect(log.lastCommandCdw10).toBe(4);
    expect(log.estimates).toEqual({
      overwrite: null,
      blockErase: 120,
      cryptoErase: 2,
      overwriteNoDeallocate: null,
      blockEraseNoDeallocate: null,
      cryptoEraseNoDeallocate: null,
    });
  });

  it('in progress: fraction of 65536', () => {
    const log = parseNvmeSanitizeLog(cliLog(16384, '(2) A Sanitize Operation is Currently in Progress.'));
    expect(log.status).toBe('in-progress');
    expect(log.progressFraction).toBe(0.25);
  });

  it.each([
    ['(0) Never Sanitized', 'never'],
    ['(3) Most Recent Sanitize Command Failed.', 'failed'],
    [
      '(4) Most Recent Sanitize Command (with No-Deallocate) Completed Successfully with Deallocation.',
      'success-with-deallocation',
    ],
    ['(7) Unknown', 'unknown'],
  ])('status %s → %s', (status, expected) => {
    expect(parseNvmeSanitizeLog(cliLog(65535, status)).status).toBe(expected);
  });

  it('2.x releases that keyed the status string by its own text', () => {
    const text = JSON.stringify({
      nvme0: {
        sprog: 65535,
        sstat: { global_erased: 0, no_cmplted_passes: 2, 'Never Sanitized': '(0) Never Sanitized' },
      },
    });
    const log = parseNvmeSanitizeLog(text);
    expect(log.status).toBe('never');
    expect(log.globalDataErased).toBe(false);
    expect(log.overwritePassesDone).toBe(2);
  });

  it('a raw SSTAT register at top level is decoded from its bits', () => {
    // 0x0111: status 1 (success), 2 overwrite passes (bits 7:3), Global Data Erased (bit 8).
    const log = parseNvmeSanitizeLog('{"sprog":65535,"sstat":273}');
    expect(log.device).toBeNull();
    expect(log.status).toBe('success');
    expect(log.overwritePassesDone).toBe(2);
    expect(log.globalDataErased).toBe(true);
  });
});
