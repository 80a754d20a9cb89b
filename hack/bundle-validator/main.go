// Command bundle-validate runs the Operator Framework's own bundle validators
// (github.com/operator-framework/api/pkg/validation) on a registry+v1 bundle directory.
//
// It runs what `operator-sdk bundle validate DIR --select-optional suite=operatorframework` runs:
// the default bundle validators (CSV, CRD, bundle) plus the optional operatorframework suite.
// The suite's "operatorhub" validator is deprecated and always reports its own deprecation as a
// warning; in its place this runs what that warning names as the equivalent: operatorhub/v2,
// standardcapabilities and standardcategories. Next to those: good-practices,
// alpha-deprecated-apis (against -k8s-version) and the object validator (RBAC, PDB,
// PriorityClass objects shipped in manifests/).
//
// Output: one line per finding, "ERROR|WARN <validator> <manifest>: <message>", then a summary
// line "bundle-validate: N errors, M warnings". Exit codes: 0 clean, 1 errors, 3 warnings only,
// 2 usage error or a bundle that cannot be loaded.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/operator-framework/api/pkg/manifests"
	"github.com/operator-framework/api/pkg/validation"
	"github.com/operator-framework/api/pkg/validation/errors"
	interfaces "github.com/operator-framework/api/pkg/validation/interfaces"
)

type namedValidator struct {
	name      string
	validator interfaces.Validator
	// optional validators receive every object of the bundle plus the optional values,
	// the way operator-sdk passes them; default validators receive ObjectsToValidate().
	optional bool
}

var validators = []namedValidator{
	{"csv", validation.ClusterServiceVersionValidator, false},
	{"crd", validation.CustomResourceDefinitionValidator, false},
	{"bundle", validation.BundleValidator, false},
	{"operatorhub/v2", validation.OperatorHubV2Validator, true},
	{"standardcapabilities", validation.StandardCapabilitiesValidator, true},
	{"standardcategories", validation.StandardCategoriesValidator, true},
	{"good-practices", validation.GoodPracticesValidator, true},
	{"alpha-deprecated-apis", validation.AlphaDeprecatedAPIsValidator, true},
	{"objects", validation.ObjectValidator, true},
}

func main() {
	k8sVersion := flag.String("k8s-version", "", "Kubernetes version (MAJOR.MINOR) the deprecated-API checks run against")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: %s [-k8s-version 1.34] BUNDLE_DIR\n", filepath.Base(os.Args[0]))
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	dir := flag.Arg(0)
	if st, err := os.Stat(filepath.Join(dir, "metadata", "annotations.yaml")); err != nil || st.IsDir() {
		fmt.Fprintf(os.Stderr, "bundle-validate: %s has no metadata/annotations.yaml: not a registry+v1 bundle directory\n", dir)
		os.Exit(2)
	}

	// Loading the bundle root (not only manifests/) also reads package and channels from
	// metadata/annotations.yaml, which the good-practices channel check looks at.
	bundle, err := manifests.GetBundleFromDir(dir)
	if err != nil {
		fmt.Fprintf(os.Stderr, "bundle-validate: cannot load the bundle in %s: %v\n", dir, err)
		os.Exit(2)
	}

	defaults := bundle.ObjectsToValidate()
	optional := append([]interface{}{}, defaults...)
	for _, obj := range bundle.Objects {
		optional = append(optional, obj)
	}
	optional = append(optional, map[string]string{"k8s-version": *k8sVersion})

	nErrors, nWarnings := 0, 0
	for _, v := range validators {
		objs := defaults
		if v.optional {
			objs = optional
		}
		for _, result := range v.validator.Validate(objs...) {
			nErrors += report("ERROR", v.name, result, result.Errors)
			nWarnings += report("WARN", v.name, result, result.Warnings)
		}
	}
	fmt.Printf("bundle-validate: %s (package %q, channels %v, default %q): %d errors, %d warnings\n",
		bundle.Name, bundle.Package, bundle.Channels, bundle.DefaultChannel, nErrors, nWarnings)
	switch {
	case nErrors > 0:
		os.Exit(1)
	case nWarnings > 0:
		os.Exit(3)
	}
}

func report(level, validator string, result errors.ManifestResult, findings []errors.Error) int {
	for _, f := range findings {
		fmt.Printf("%s %s %s: %s\n", level, validator, result.Name, f.Error())
	}
	return len(findings)
}
