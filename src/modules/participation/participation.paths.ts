/** The module's pages, as web/paths.ts types them (other helpers of the module import them from here). */
export {
  commitmentInputsFeedPath,
  consultationEditPath,
  consultationPath,
  consultationsPath,
  inputActionPath,
  inputAnchor,
  inputFiguresPath,
  inputImportPath,
  inputPath,
  inputsPath,
  newConsultationPath,
  newInputPath,
  newProposalPath,
  planInputsFeedPath,
} from '../../web/paths.js';
