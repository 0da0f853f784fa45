// The screen of each journey state.
import type { Step } from './step';
import type { ScreenProps } from './screen-props';
import { AttractScreen } from './screens/AttractScreen';
import { CatalogueScreen } from './screens/CatalogueScreen';
import { GuideScreen } from './screens/GuideScreen';
import { IdentityScreen } from './screens/IdentityScreen';
import { CodeEntryScreen } from './screens/CodeEntryScreen';
import { FormScreen } from './screens/FormScreen';
import { MaterialsScreen } from './screens/MaterialsScreen';
import { ReviewScreen } from './screens/ReviewScreen';
import { SignatureScreen } from './screens/SignatureScreen';
import { SubmittingScreen, SubmitFailedScreen } from './screens/SubmitScreens';
import { ReceiptScreen } from './screens/ReceiptScreen';
import { EvaluationScreen } from './screens/EvaluationScreen';
import { ThanksScreen } from './screens/ThanksScreen';
import { QueryScreen } from './screens/QueryScreen';
import { QueryResultScreen } from './screens/QueryResultScreen';
import { ReprintScreen } from './screens/ReprintScreen';
import { ProgressBar } from '@easydo/core/ui/ProgressBar';

export function JourneyScreen({ step, props }: { step: Step; props: ScreenProps }) {
  switch (step) {
    case 'attract':
    case 'ending':
    case 'timedOut':
      return <AttractScreen {...props} />;
    case 'codeEntry':
      return <CodeEntryScreen {...props} />;
    case 'catalogue':
      return <CatalogueScreen {...props} />;
    case 'guide':
      return <GuideScreen {...props} />;
    case 'identity':
      return <IdentityScreen {...props} />;
    case 'preparing':
    case 'evaluating':
    case 'querying':
    case 'reprinting':
      return (
        <section className="panel" aria-busy="true">
          <ProgressBar value={null} label={props.t(`voice.${step === 'evaluating' ? 'thanks' : step}`)} testId="busy" />
        </section>
      );
    case 'form':
      return <FormScreen {...props} />;
    case 'materials':
      return <MaterialsScreen {...props} />;
    case 'review':
      return <ReviewScreen {...props} />;
    case 'signature':
      return <SignatureScreen {...props} />;
    case 'submitting':
      return <SubmittingScreen {...props} />;
    case 'submitFailed':
      return <SubmitFailedScreen {...props} />;
    case 'receipt':
      return <ReceiptScreen {...props} />;
    case 'evaluation':
      return <EvaluationScreen {...props} />;
    case 'thanks':
      return <ThanksScreen {...props} />;
    case 'query':
      return <QueryScreen {...props} />;
    case 'queryResult':
      return <QueryResultScreen {...props} />;
    case 'reprinted':
      return <ReprintScreen {...props} />;
  }
}
