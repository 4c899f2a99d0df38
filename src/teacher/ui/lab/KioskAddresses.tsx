import { QrCode } from './QrCode.tsx';
import { isLoopbackUrl } from './kioskAddress.ts';
import type { LabText } from './labText.ts';

/** Every address students can open, each with its QR code for phones and tablets (扫码测评). */
export function KioskAddresses({ addresses, fromServer, text }: { addresses: readonly string[]; fromServer: boolean; text: LabText }) {
  const onlyLoopback = addresses.every(isLoopbackUrl);
  return (
    <section className="panel" aria-labelledby="lab-addresses-title">
      <h3 id="lab-addresses-title">{text.addressesTitle}</h3>
      <p className="muted">{text.addressesIntro}</p>
      {!fromServer && <p className="muted">{text.fallbackNote}</p>}
      {onlyLoopback && <p className="notice">{text.loopbackWarning}</p>}
      <ul className="lab-addresses">
        {addresses.map((address) => (
          <li key={address} className="lab-address">
            <QrCode text={address} label={text.qrLabel(address)} />
            <span className="lab-address__url">{address}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
