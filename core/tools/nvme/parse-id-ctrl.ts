/**
 * Pure parser for `nvme id-ctrl <ctrl> -o json` (nvme-cli 1.x `"key" : value` and 2.x layouts alike).
 * Registers are decoded bit by bit (NVMe base spec; nvme-cli `nvme-print-stdout.c` -H output).
 */
import { bit, bits, text, uint } from '../json-access.js';
import { readNvmeCliJson } from './cli-json.js';

export interface NvmeIdCtrl {
  /** True when the output was an Identify Controller object (not an error, not garbage). */
  ok: boolean;
  /** nvme-cli's error message when it reported one instead of the data. */
  error: string | null;
  vendorId: number | null;
  model: string | null;
  serial: string | null;
  firmware: string | null;
  oacs: number | null;
  sanicap: number | null;
  fna: number | null;
  /** NN: the number of namespaces the controller supports (not how many exist). */
  nn: number | null;
  /** TNVMCAP in bytes (0 on controllers that do not report it, such as QEMU). */
  totalCapacityBytes: number | null;

  /** OACS bit 0: Security Send/Receive (TCG, OPAL). */
  securitySendReceiveSupported: boolean | null;
  /** OACS bit 1: Format NVM. */
  formatSupported: boolean | null;
  /** OACS bit 3: Namespace Management. */
  namespaceManagementSupported: boolean | null;
  /** OACS bit 4: Device Self-test. */
  selfTestSupported: boolean | null;

  /** FNA bit 0: a Format applies to all namespaces. */
  formatAppliesToAllNamespaces: boolean | null;
  /** FNA bit 1: a cryptographic erase applies to all namespaces. */
  cryptoEraseAppliesToAllNamespaces: boolean | null;
  /** FNA bit 2: cryptographic erase supported as part of Format (SES=2). */
  cryptoFormatSupported: boolean | null;
  /** FNA bit 3: Format with the broadcast NSID 0xFFFFFFFF is not supported. */
  formatBroadcastNsidUnsupported: boolean | null;

  /** SANICAP bit 0: Sanitize crypto erase. */
  sanitizeCrypto: boolean | null;
  /** SANICAP bit 1: Sanitize block erase. */
  sanitizeBlock: boolean | null;
  /** SANICAP bit 2: Sanitize overwrite. */
  sanitizeOverwrite: boolean | null;
  /** Any of the three sanitize actions. */
  sanitizeSupported: boolean | null;
  /** SANICAP bit 3: media verification (NVMe 2.1). */
  sanitizeMediaVerification: boolean | null;
  /** SANICAP bit 29 (NDI): No-Deallocate is inhibited, so `--no-dealloc` must not be requested. */
  noDeallocateInhibited: boolean | null;
  /** SANICAP bits 31:30 (NODMMAS): 0 not reported, 1 media not modified, 2 media modified after sanitize. */
  noDeallocateModifiesMedia: number | null;
}

export function parseNvmeIdCtrl(stdout: string): NvmeIdCtrl {
  const { root, error } = readNvmeCliJson(stdout);
  const oacs = uint(root, 'oacs');
  const sanicap = uint(root, 'sanicap');
  const fna = uint(root, 'fna');
  const model = text(root, 'mn');
  const serial = text(root, 'sn');
  const sanitizeCrypto = bit(sanicap, 0);
  const sanitizeBlock = bit(sanicap, 1);
  const sanitizeOverwrite = bit(sanicap, 2);
  return {
    ok: error === null && (model !== null || serial !== null || oacs !== null),
    error,
    vendorId: uint(root, 'vid'),
    model,
    serial,
    firmware: text(root, 'fr'),
    oacs,
    sanicap,
    fna,
    nn: uint(root, 'nn'),
    totalCapacityBytes: uint(root, 'tnvmcap'),
    securitySendReceiveSupported: bit(oacs, 0),
    formatSupported: bit(oacs, 1),
    namespaceManagementSupported: bit(oacs, 3),
    selfTestSupported: bit(oacs, 4),
    formatAppliesToAllNamespaces: bit(fna, 0),
    cryptoEraseAppliesToAllNamespaces: bit(fna, 1),
    cryptoFormatSupported: bit(fna, 2),
    formatBroadcastNsidUnsupported: bit(fna, 3),
    sanitizeCrypto,
    sanitizeBlock,
    sanitizeOverwrite,
    sanitizeSupported:
      sanicap === null ? null : Boolean(sanitizeCrypto || sanitizeBlock || sanitizeOverwrite),
    sanitizeMediaVerification: bit(sanicap, 3),
    noDeallocateInhibited: bit(sanicap, 29),
    noDeallocateModifiesMedia: bits(sanicap, 30, 2),
  };
}
