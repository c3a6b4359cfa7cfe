declare function getGeneratorFunction(): GeneratorFunctionConstructor | false;

export = getGeneratorFunction;