import { useState } from 'react';
import { IssueList } from '../IssueList.tsx';
import { useWorkspaceView } from '../WorkspaceContext.ts';
import { CollectFromLab } from './CollectFromLab.tsx';
import { KioskAddresses } from './KioskAddresses.tsx';
import { kioskAddresses } from './kioskAddress.ts';
import { LAB_TEXT } from './labText.ts';
import { LabStatus } from './LabStatus.tsx';
import { SendPlan } from './SendPlan.tsx';
import { useLabServer } from './useLabServer.ts';
import './lab.css';

/** 机房: the lab server's state, the kiosk addresses with QR codes, the plan it serves, and collection with one button. */
export function LabPage() {
  const { workspace, locale } = useWorkspaceView();
  const text = LAB_TEXT[locale];
  const { server, recheck, refused } = useLabServer();
  const [sentPlan, setSentPlan] = useState<string>();
  const hello = server.kind === 'present' ? server.hello : undefined;
  const servedPlan = sentPlan ?? hello?.plan?.ref ?? null;
  return (
    <section className="lab-page">
      <h2>{text.title}</h2>
      <p className="muted">{text.intro}</p>
      <LabStatus server={server} servedPlan={servedPlan} recheck={() => { setSentPlan(undefined); recheck(); }} text={text} locale={locale} />
      {server.kind !== 'checking' && <KioskAddresses addresses={kioskAddresses(hello, window.location.href)} fromServer={hello !== undefined && hello.kioskUrls.length > 0} text={text} />}
      {server.kind === 'present' && (
        <>
          <IssueList issues={server.tokenIssues} locale={locale} />
          <SendPlan workspace={workspace} client={server.client} servedPlan={servedPlan} onSent={setSentPlan} refused={refused} text={text} locale={locale} />
          <CollectFromLab client={server.client} refused={refused} text={text} />
        </>
      )}
    </section>
  );
}
