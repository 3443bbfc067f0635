import { type Dispatch, useEffect, useRef } from 'react';
import type { GuideServices } from './services.js';
import { hardwareOutcome } from './state/diag-flow.js';
import { plansToRun } from './state/reducer.js';
import type { Action, GuideState } from './state/types.js';

function message(error: unknown): string {
  if (error && typeof error === 'object' && 'text' in error) {
    // GommeError carries a Text; the English one is kept (it goes into a technician-facing line).
    const t = (error as { text: { fr: string; en: string } }).text;
    if (t && typeof t.en === 'string') return t.en;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * The side of the guide that talks to the services. Each effect is triggered by one value the reducer sets
 * (a new machine, diagnostics started, erasure confirmed...), reads the rest from the latest state, and
 * reports back through dispatch only.
 */
export function useGuideEffects(
  state: GuideState,
  dispatch: Dispatch<Action>,
  services: GuideServices,
): void {
  const latest = useRef(state);
  latest.current = state;
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    let live = true;
    services.memory.load().then(
      (saved) => live && saved && dispatch({ type: 'memory-loaded', ...saved }),
      // A missing memory is null, not an error: anything thrown here is worth showing.
      (error: unknown) =>
        live && dispatch({ type: 'service-warning', message: `intake memory: ${message(error)}` }),
    );
    return () => {
      live = false;
    };
  }, [services, dispatch]);

  const cycle = state.cycle;
  const certificates = services.certificates;
  useEffect(() => {
    // Read again for each machine: the supervisor may have set up the key meanwhile.
    const notice = cycle >= 0 ? (certificates?.signingNotice?.() ?? null) : null;
    if (notice) dispatch({ type: 'signing-notice', notice });
  }, [certificates, dispatch, cycle]);

  useEffect(() => {
    // One read of DMI and the drives per machine (cycle).
    let live = cycle >= 0;
    services.readMachine().then(
      (identity) => live && dispatch({ type: 'machine-read', identity }),
      (error: unknown) => live && dispatch({ type: 'machine-failed', message: message(error) }),
    );
    services.discover().then(
      (found) => live && dispatch({ type: 'discovered', found }),
      (error: unknown) => live && dispatch({ type: 'discovery-failed', message: message(error) }),
    );
    return () => {
      live = false;
    };
  }, [services, dispatch, cycle]);

  const saveRequest = state.saveRequest;
  useEffect(() => {
    if (saveRequest === 0) return;
    const { operator, intake } = latest.current;
    services.memory
      .save({ operator, intake: { ...intake, assetTag: '' } })
      .catch((error: unknown) =>
        dispatch({ type: 'service-warning', message: `intake memory: ${message(error)}` }),
      );
  }, [services, dispatch, saveRequest]);

  const diagnostics = services.diagnostics;
  const diagRun = state.diag.phase === 'running' ? cycle : null;
  useEffect(() => {
    if (diagRun === null || !diagnostics) return;
    const controller = new AbortController();
    diagnostics
      .runAutomatic({ signal: controller.signal, onTest: (line) => dispatch({ type: 'diag-test', line }) })
      .then(
        () => dispatch({ type: 'diag-auto-done' }),
        (error: unknown) => dispatch({ type: 'diag-failed', message: message(error) }),
      );
    return () => controller.abort();
  }, [diagnostics, dispatch, diagRun]);

  const planning = state.diag.hardware.status === 'planning' ? cycle : null;
  useEffect(() => {
    const hardware = diagnostics?.hardware;
    if (planning === null || !diagnostics || !hardware) return;
    let live = true;
    hardware.plan().then(
      (plan) => live && dispatch({ type: 'hardware-planned', plan }),
      // Without a plan the questions replace the tests: every one of them is asked.
      (error: unknown) =>
        live &&
        dispatch({
          type: 'hardware-failed',
          message: message(error),
          questions: diagnostics.questionsFor({ absent: [], ranTests: [] }),
        }),
    );
    return () => {
      live = false;
    };
  }, [diagnostics, dispatch, planning]);

  const grading = state.diag.phase === 'grading';
  useEffect(() => {
    if (!grading || !diagnostics) return;
    const s = latest.current;
    diagnostics.summarise({ answers: s.diag.answers, hardware: hardwareOutcome(s) }).then(
      (summary) => dispatch({ type: 'diag-summary', summary }),
      (error: unknown) => dispatch({ type: 'diag-failed', message: message(error) }),
    );
  }, [diagnostics, dispatch, grading]);

  const erasing = state.erase.status === 'running';
  useEffect(() => {
    if (!erasing) return;
    // plansToRun re-checks selection, protection and confirmation: the engine gets nothing else.
    const plans = plansToRun(latest.current);
    const controller = new AbortController();
    abort.current = controller;
    const { operator, intake, diag, lang } = latest.current;
    // What the trainee typed and what the diagnostics found go with the batch, before the first byte.
    const summary = diag.summary;
    const inventory = summary ? { ...summary.inventory, notes: summary.notes[lang] } : undefined;
    services.erase
      .run(plans, {
        emit: (event) => dispatch({ type: 'job-event', event }),
        signal: controller.signal,
        facts: {
          operator,
          donor: intake.donor,
          lot: intake.lot,
          assetTag: intake.assetTag,
          ...(inventory ? { inventory } : {}),
        },
      })
      .then(
        (results) => dispatch({ type: 'erase-finished', results }),
        (error: unknown) => dispatch({ type: 'erase-failed', message: message(error) }),
      );
  }, [services, dispatch, erasing]);

  const handOff = state.secretHandOff;
  useEffect(() => {
    if (!handOff) return;
    // The secret goes to the credential service (memory only) and the drives are planned again with it.
    if (!services.credentials) {
      dispatch({ type: 'secret-failed', message: 'no credential service' });
      return;
    }
    services.credentials.provide(handOff).then(
      (found) => dispatch({ type: 'secret-applied', found }),
      (error: unknown) => dispatch({ type: 'secret-failed', message: message(error) }),
    );
  }, [services, dispatch, handOff]);

  const stopping = state.erase.stopping;
  useEffect(() => {
    if (stopping) abort.current?.abort();
  }, [stopping]);

  const hub = services.hub;
  useEffect(() => {
    if (!hub) return;
    const unsubscribe = hub.subscribe((status) => dispatch({ type: 'hub-status', status }));
    // What an earlier guide left queued (netbooted: still in RAM) goes now.
    hub.request();
    return () => {
      unsubscribe();
      hub.stop();
    };
  }, [hub, dispatch]);

  // Records (end of the erasure) and certificates were committed: push them now.
  const hubRequest = state.hub.request;
  useEffect(() => {
    if (hubRequest > 0) hub?.request();
  }, [hub, hubRequest]);

  const issuing = state.certificates.status === 'working';
  useEffect(() => {
    if (!issuing || !certificates) return;
    const s = latest.current;
    certificates
      .issue({
        lang: s.lang,
        operator: s.operator,
        intake: s.intake,
        machine: s.machine.status === 'read' ? s.machine.identity : null,
        results: s.erase.results ?? [],
        diagnostics: s.diag.summary,
      })
      .then(
        (issued) => dispatch({ type: 'certificates-issued', issued }),
        (error: unknown) => dispatch({ type: 'certificates-failed', message: message(error) }),
      );
  }, [certificates, dispatch, issuing]);
}
