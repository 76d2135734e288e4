from zeroerror.cli import main

main()
