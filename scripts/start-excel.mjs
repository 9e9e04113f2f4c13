// `npm run start:excel`: builds the add-in and explains how to sideload it. office-addin-debugging is run
// on demand with npx, never installed as a dependency: its keytar needs libsecret, absent on a fresh machine.
import { execSync } from 'node:child_process';

execSync('npm run build:addin', { stdio: 'inherit' });
console.log(`
Cruscotto per Excel — dist/addin è pronto. / dist/addin is ready.

1. Servire dist/addin in https (Office lo richiede) / Serve dist/addin over https (Office requires it):
     npx --yes office-addin-dev-certs install        # certificato di sviluppo / development certificate
     npx --yes http-server dist/addin -S -C ~/.office-addin-dev-certs/localhost.crt \\
         -K ~/.office-addin-dev-certs/localhost.key -p 3000
   Per un altro indirizzo / for another address: ADDIN_BASE_URL=https://host/percorso npm run build:addin

2a. Excel sul web / Excel on the web: Inserisci > Componenti aggiuntivi > Carica il mio componente
    aggiuntivo / Insert > Add-ins > Upload My Add-in: scegliere / choose dist/addin/manifest.xml.

2b. Excel desktop (Windows, Mac):
     npx --yes office-addin-debugging start dist/addin/manifest.xml desktop --app excel
   (scaricato al momento, non è una dipendenza del progetto / fetched on demand, not a project dependency)

La scheda Home mostra il gruppo Cruscotto: "Calcola punteggi" e "Apri cruscotto".
The Home tab shows the Cruscotto group: "Calcola punteggi" (score) and "Apri cruscotto" (open the pane).
`);
