import { useEffect, useState } from 'react';
import { IssueList } from '../IssueList.tsx';
import { useWorkspaceView } from '../WorkspaceContext.ts';
import { CollectFromLab } from './CollectFromLab.tsx';
import { KioskAddresses } from './KioskAddresses.tsx';
import { kioskAddresses } from './kioskAddress.ts';
import { LAB_TEXT } from './labText.ts';
import { LabStatus } from './LabStatus.tsx';
import { SendPlan } from './SendPlan.tsx';
import { useLabServerContext } from './useLabServer.ts';
import './lab.css';

/** 机房: the lab server's state, the kiosk addresses with QR codes, the plan it serves, and collection with one button. */
export function LabPage() {
  const { workspace, locale } = useWorkspaceView();
  const text = LAB_TEXT[locale];
  const lab = useLabServerContext();
  const { status, check } = lab;
  // asks afresh on every visit: the server may have been started since
  useEffect(() => { check(); }, [check]);
  const [sentPlan, setSentPlan] = useState<string>();
  const hello = status.kind === 'present' ? status.hello : undefined;
  const servedPlan = sentPlan ?? hello?.plan?.ref ?? null;
  return (
    <section className="lab-page">
      <h2>{text.title}</h2>
      <p className="muted">{text.intro}</p>
      <LabStatus status={status} servedPlan={servedPlan} recheck={() => { setSentPlan(undefined); check(); }} text={text} locale={locale} />
      {(status.kind === 'present' || status.kind === 'absent') && <KioskAddresses addresses={kioskAddresses(hello, window.location.href)} fromServer={hello !== undefined && hello.kioskUrls.length > 0} text={text} />}
      {status.kind === 'present' && (
        <>
          <IssueList issues={lab.tokenIssues} locale={locale} />
          <SendPlan workspace={workspace} client={lab.client} servedPlan={servedPlan} onSent={setSentPlan} refused={lab.refused} text={text} locale={locale} />
          <CollectFromLab client={lab.client} refused={lab.refused} text={text} />
        </>
      )}
    </section>
  );
}
