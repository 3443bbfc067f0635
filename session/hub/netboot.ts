/**
 * A PC booted from the hub (live-boot's `fetch=`) has no stick: its journal lives in RAM and is gone at power
 * off, so the hub is the only place its proof can go. Both front ends ask this: unattended mode keeps pushing
 * before it powers off, the guide holds "power off" and "next machine" until the hub has everything.
 */
export function isNetbooted(cmdline: string | null): boolean {
  return /(^|\s)(fetch|httpfs|netboot)=\S/.test(cmdline ?? '');
}
