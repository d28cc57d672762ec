"""How likely is a state to join a war: a joining model trained on the replayed COW wars, validated out of sample.

Modules, one job each: `case` (a war's opening sides and candidates), `geo`, `ties`, `history` and
`obligations` (the features' sources), `data_files` (the data files it reads, to cite), `features` (the feature
table of one case), `spec` (the design matrices and the numpy predictor's arithmetic), `dataset` (the training
table), `model` (the shipped coefficients JSON, loaded without scikit-learn), `fit` (scikit-learn and statsmodels),
`folds`, `scores` and `validate` (out-of-sample validation), `targets` (issue #14's targets), `report` and `figures`
(the report), `attach` (the likelihood beside a cascade result), `honour` (empirical honour rates for the Monte
Carlo); the `foedus likely` commands are `foedus.cli.likely_cmd`. Like the backtest, this package's `__init__`
imports nothing, so the CLI stays quick.
"""
