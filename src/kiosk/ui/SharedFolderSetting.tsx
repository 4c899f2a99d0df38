import { useEffect, useState } from 'react';
import type { KioskDb } from '../../store/kioskDb.ts';
import { chooseSharedFolder, forgetSharedFolder, sharedFolderName, supportsSharedFolder } from '../sharedFolder.ts';
import type { KioskText } from './text.ts';

/** Behind the PIN: choose (or stop using) a folder that receives a copy of each submission as it is made. */
export function SharedFolderSetting({ db, text }: { db: KioskDb; text: KioskText }) {
  const [folder, setFolder] = useState<string | undefined>();
  useEffect(() => { void sharedFolderName(db).then(setFolder); }, [db]);
  if (!supportsSharedFolder()) return <p className="note">{text.folderUnsupported}</p>;
  return (
    <div className="shared-folder">
      <p>{folder ? text.folderChosen(folder) : text.folderNone}</p>
      <div className="actions">
        <button type="button" onClick={() => void chooseSharedFolder(db).then((result) => result.chosen && setFolder(result.chosen))}>{text.chooseFolder}</button>
        {folder && <button type="button" onClick={() => void forgetSharedFolder(db).then(() => setFolder(undefined))}>{text.stopFolder}</button>}
      </div>
    </div>
  );
}
